package gov.budgetperf.report.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import gov.budgetperf.common.testing.ServiceProcess;

/**
 * The real budget-service and evaluation-service, each started from its built jar as a process on its own database
 * and the test broker, for every report-service test (one start for the whole module). Returns the peers' URLs.
 */
@io.quarkus.test.common.QuarkusTestResource(Peers.class)
public class Peers implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess budget;
    private static ServiceProcess evaluation;

    /**
     * The peers' databases are (re)created per run: {@code budget_rpt} and {@code evaluation_rpt}, prefixed by
     * {@code REPORT_PEERS_DB_PREFIX} when two report-service test runs share a machine.
     */
    private static final String DB_PREFIX = System.getenv().getOrDefault("REPORT_PEERS_DB_PREFIX", "");

    static String kafka() {
        String env = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return env == null || env.isBlank() ? "127.0.0.1:19092" : env;
    }

    @Override
    public Map<String, String> start() {
        try {
            if (budget == null) {
                budget = new ServiceProcess("budget-service", DB_PREFIX + "budget_rpt", kafka(), Map.of());
                // its own consumer group: it must see every budget.event of this test run; its monitoring reads
                // the budget-service peer above
                evaluation = new ServiceProcess("evaluation-service", DB_PREFIX + "evaluation_rpt", kafka(),
                        Map.of("EVALUATION_BUDGET_EVENTS_GROUP_ID", "evaluation-service-rpt", "BUDGET_SERVICE_URL",
                                budget.url()));
                // The test broker also carries the evaluation.events of evaluation-service's own tests, whose ids
                // start at 1 in another database: number this peer's evaluations apart, so that an event of those
                // never looks like a newer version of an evaluation a document here shows.
                try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:5432/" + DB_PREFIX + "evaluation_rpt",
                        "postgres", ""); Statement st = c.createStatement()) {
                    st.execute("SELECT setval('evaluation_id_seq', 1000000000)");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the peers", e);
        }
        return Map.of("quarkus.rest-client.budget.url", budget.url(), "quarkus.rest-client.evaluation.url",
                evaluation.url());
    }

    @Override
    public void stop() {
        try {
            if (evaluation != null) {
                evaluation.close();
            }
            if (budget != null) {
                budget.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static ServiceProcess budget() {
        return budget;
    }

    public static ServiceProcess evaluation() {
        return evaluation;
    }
}
