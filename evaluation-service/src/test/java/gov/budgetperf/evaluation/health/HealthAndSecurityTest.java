package gov.budgetperf.evaluation.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.common.testing.Tokens;

/** Readiness checks the database and the broker; every API call needs a valid bearer token and a fitting role. */
@QuarkusTest
class HealthAndSecurityTest {

    @Test
    void readinessAndMetrics() {
        String management = "http://localhost"
                + ":" + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        given().when().get(management + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "event-flow"));
        given().when().get(management + "/q/metrics").then().statusCode(200).body(containsString("outbox_pending"))
                .body(containsString("event_loop_state{loop=\"consumer:budget.events\""))
                .body(containsString("event_consumer_lag{loop=\"consumer:budget.events\""));
    }

    @Test
    void tokensAndRoles() {
        given().when().get("/api/v1/rule-sets").then().statusCode(401);
        given().auth().oauth2(Tokens.builder("finance", null).issuer("https://elsewhere").sign()).when()
                .get("/api/v1/rule-sets").then().statusCode(401);
        given().auth().oauth2(Tokens.auditor()).contentType("application/json").body("{}").when()
                .post("/api/v1/evaluations").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/monitoring?fiscalYear=2022").then().statusCode(200);
    }
}
