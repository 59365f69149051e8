package gov.budgetperf.evaluation.peers;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import gov.budgetperf.common.testing.ServiceProcess;

/**
 * The real budget-service, as a separate process on its own database and the test broker, for every test of this
 * module: monitoring reads its figures over REST. Its database is named after this run's own test database, so two
 * runs with different databases never share (or drop) each other's.
 */
public class BudgetServiceResource implements QuarkusTestResourceLifecycleManager {

    private ServiceProcess budget;

    @Override
    public Map<String, String> start() {
        String kafka = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
        String own = System.getProperty("%test.quarkus.datasource.jdbc.url", "evaluation_test");
        String database = "budget_for_" + own.substring(own.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_]", "_");
        try {
            budget = new ServiceProcess("budget-service", database, kafka, Map.of());
        } catch (Exception e) {
            throw new IllegalStateException("budget-service did not start", e);
        }
        return Map.of("quarkus.rest-client.budget.url", budget.url());
    }

    @Override
    public void stop() {
        if (budget != null) {
            try {
                budget.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
