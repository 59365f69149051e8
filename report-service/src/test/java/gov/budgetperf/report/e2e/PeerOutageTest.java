package gov.budgetperf.report.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.common.testing.Tokens;

/**
 * A peer goes down: requests that need it get a 503 problem naming it, readiness shows it, stored documents are still
 * served, and the service recovers by itself when the peer returns.
 */
@QuarkusTest
class PeerOutageTest {

    private static String readiness() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.port", Integer.class);
        return given().baseUri("http://localhost:" + port).when().get("/q/health/ready").then().extract().asString();
    }

    @Test
    void budgetServiceDownGives503NamingItAndRecovers() throws Exception {
        String dept = Fixtures.newDepartment("报告测试区");
        Fixtures.budget(dept, "100000.00");
        long stored = Fixtures.departmentReport("DEPARTMENT_FORM", "HTML", dept, false);
        Map<String, Object> request = Map.of("type", "DEPARTMENT_FORM", "format", "HTML", "departmentCode", dept,
                "fiscalYear", 2022);
        Peers.budget().stop();
        try {
            Fixtures.report(request).statusCode(503).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("budget-service"));
            assertThat(readiness()).contains("budget-service").contains("DOWN");
            // what is stored is still served
            given().auth().oauth2(Tokens.finance()).when().get("/api/v1/reports/{id}/content", stored).then()
                    .statusCode(200);
        } finally {
            Peers.budget().start();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> Fixtures.report(request).statusCode(201));
        assertThat(readiness()).doesNotContain("DOWN");
    }

    @Test
    void aPeerThatHangsGives503WithinThreeSecondsAndTheBreakerRecovers() throws Exception {
        String dept = Fixtures.newDepartment("报告测试区");
        Fixtures.budget(dept, "100000.00");
        Map<String, Object> request = Map.of("type", "DEPARTMENT_FORM", "format", "HTML", "departmentCode", dept,
                "fiscalYear", 2022);
        Fixtures.report(request).statusCode(201);
        Peers.evaluation().pause();
        try {
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                Fixtures.report(request).statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                        .body("detail", org.hamcrest.Matchers.containsString("evaluation-service"));
                // one attempt of 2 s, no retry after a time-out; once the circuit is open: at once
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("answer %d", i).isLessThan(Duration.ofSeconds(3));
            }
            long t0 = System.nanoTime();
            String ready = readiness();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
            assertThat(ready).contains("evaluation-service").contains("DOWN");
        } finally {
            Peers.evaluation().resume();
        }
        // the circuit lets a trial call through after 3 s and closes again
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> Fixtures.report(request).statusCode(201));
    }
}
