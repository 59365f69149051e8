package gov.budgetperf.evaluation.budgetfeed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.common.testing.DeadLetters;
import gov.budgetperf.common.testing.Tokens;
import gov.budgetperf.evaluation.evaluation.BudgetEventsFixture;

/**
 * The budget.events consumer while its database is away: the handler fails, the loop neither dies nor dead-letters
 * the event; it restarts with backoff (readiness, answering at once, shows it restarting), and once the database is
 * back the event is applied, once.
 */
@QuarkusTest
class ConsumerRestartTest {

    private static final String LOOP = "consumer:budget.events";
    private static final Pattern RESTARTS = Pattern.compile("restarts (\\d+)");

    private static String database() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    private static String loopState() {
        String management = "http://localhost:"
                + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        long t0 = System.nanoTime();
        String state = given().when().get(management + "/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'event-flow' }.data.'" + LOOP + "'");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("readiness answers at once").isLessThan(
                Duration.ofSeconds(1));
        return state == null ? "" : state;
    }

    private static long restarts(String state) {
        Matcher m = RESTARTS.matcher(state);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Refuses (true) or allows again new connections to this service's database, and ends the open ones. */
    private static void blockDatabase(boolean block) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database() + " ALLOW_CONNECTIONS " + !block);
            if (block) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database() + "'");
            }
        }
    }

    private static BigDecimal lz13(long id) {
        String s = given().auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations/{id}", id).then()
                .statusCode(200).extract().jsonPath().getString("indicators.find { it.code == 'LZ13' }.score");
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void aConsumerWhoseDatabaseIsAwayRestartsAndAppliesTheEventOnceAfterwards() throws Exception {
        String dept = "RST-" + UUID.randomUUID().toString().substring(0, 8);
        long id = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", dept, "fiscalYear", 2022, "ruleSetCode",
                        "GZ-DEPT-COMMON"))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> loopState().startsWith("RUNNING"));
        long restartsBefore = restarts(loopState());

        try (DeadLetters dlq = new DeadLetters("budget.events.dlq");
                BudgetEventsFixture budget = new BudgetEventsFixture()) {
            blockDatabase(true);
            try {
                // 93 % executed: LZ13 will be 9.30 of 10
                budget.send(budget.budgetChanged(dept, 2022, 1, "0.93"));
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    String state = loopState();
                    assertThat(state).startsWith("RESTARTING");
                    assertThat(restarts(state)).isGreaterThan(restartsBefore);
                });
            } finally {
                blockDatabase(false);
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(lz13(id)).isEqualByComparingTo("9.30"));
            await().atMost(Duration.ofSeconds(30)).until(() -> loopState().startsWith("RUNNING"));
            // nothing was dead-lettered on the way (watched for a few seconds, the DLQ read from its start)
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> dlq.reasonsFor(dept + ":2022").isEmpty());
        }
        List<Object> applied = given().auth().oauth2(Tokens.finance()).when()
                .get("/api/v1/evaluations/{id}/audit?size=200", id).then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.action == 'BUDGET_FIGURES_APPLIED' }");
        assertThat(applied).as("applied once").hasSize(1);
    }
}
