package gov.budgetperf.budget.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Liveness, readiness that checks the database and the broker, and Prometheus metrics on the management port. */
@QuarkusTest
class HealthTest {

    private static String management() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().when().get(management() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "event-flow"));
        given().when().get(management() + "/q/health/live").then().statusCode(200);
    }

    @Test
    void prometheusMetricsIncludeTheOutbox() {
        given().when().get("/api/v1/departments").then().statusCode(401);
        given().when().get(management() + "/q/metrics").then().statusCode(200)
                .body(containsString("outbox_pending")).body(containsString("http_server_requests"))
                .body(containsString("event_loop_state{loop=\"outbox-relay\"")).body(containsString("event_loop_restarts"));
        // the backlog gauge appears with the first measurement (every 5 s)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() -> given().when().get(management() + "/q/metrics").then()
                        .body(containsString("outbox_oldest_unsent_age_seconds")));
    }
}
