package gov.budgetperf.report.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.common.testing.Tokens;

/**
 * Documents go stale when their inputs change, over the real broker: a budget change in budget-service (a separate
 * process) marks the department's report stale within seconds; a kept-current one is regenerated with the new
 * figures; a new evaluation in evaluation-service and a narrative saved here do the same.
 */
@QuarkusTest
class StaleMarkingTest {

    private static boolean stale(long id) {
        return Fixtures.metadata(id).extract().jsonPath().getBoolean("stale");
    }

    @Test
    void aBudgetChangeMarksTheReportStaleWithinSeconds() {
        String dept = Fixtures.newDepartment("报告测试区");
        Fixtures.budget(dept, "600000.00");
        long id = Fixtures.departmentReport("DEPARTMENT_FORM", "HTML", dept, false);
        assertThat(new String(Fixtures.content(id), StandardCharsets.UTF_8)).contains("60.00%");
        assertThat(stale(id)).isFalse();

        long before = System.nanoTime();
        Fixtures.spend(dept, "2022-09-30", "150000.00");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> stale(id));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
        assertThat(Fixtures.metadata(id).extract().jsonPath().getString("staleReason")).contains(dept + ":2022");

        // regenerated on request: current again, with the new figures, same id, next generation
        given().auth().oauth2(Tokens.finance()).when().post("/api/v1/reports/{id}/regenerate", id).then()
                .statusCode(200);
        var meta = Fixtures.metadata(id).extract().jsonPath();
        assertThat(meta.getBoolean("stale")).isFalse();
        assertThat(meta.getInt("generation")).isEqualTo(2);
        assertThat(new String(Fixtures.content(id), StandardCharsets.UTF_8)).contains("75.00%");
    }

    @Test
    void aKeptCurrentReportIsRegeneratedWithTheNewFigures() throws Exception {
        String dept = Fixtures.newDepartment("报告测试区");
        Fixtures.budget(dept, "500000.00");
        long id = Fixtures.departmentReport("DEPARTMENT_FORM", "XLSX", dept, true);
        String firstSha = Fixtures.metadata(id).extract().jsonPath().getString("sha256");

        Fixtures.spend(dept, "2022-10-31", "300000.00");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            var meta = Fixtures.metadata(id).extract().jsonPath();
            assertThat(meta.getInt("generation")).isGreaterThanOrEqualTo(2);
            assertThat(meta.getBoolean("stale")).isFalse();
            assertThat(meta.getString("sha256")).isNotEqualTo(firstSha);
        });
        assertThat(Readers.xlsxCells(Fixtures.content(id))).contains("80.00%", "80.00");
    }

    /** Regenerates until the document is current: events still in flight may mark a fresh generation stale again. */
    private static void regenerateUntilCurrent(long id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var meta = given().auth().oauth2(Tokens.finance()).when().post("/api/v1/reports/{id}/regenerate", id)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(meta.getBoolean("stale")).as("stale after regeneration: %s; inputs %s",
                    meta.getString("staleReason"), meta.getList("inputs")).isFalse();
        });
    }

    @Test
    void aNewEvaluationItsScoresAndANarrativeMarkTheReportStale() {
        String dept = Fixtures.newDepartment("报告测试区");
        Fixtures.budget(dept, "100000.00");
        long id = Fixtures.departmentReport("DEPARTMENT_FORM", "HTML", dept, false);

        // an evaluation appears for the department-year: evaluation-service publishes "scored" at creation
        long evaluation = given().baseUri(Peers.evaluation().url()).auth().oauth2(Tokens.finance())
                .contentType(ContentType.JSON)
                .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", dept, "fiscalYear", 2022, "ruleSetCode",
                        "GZ-DEPT-COMMON"))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> stale(id));
        assertThat(Fixtures.metadata(id).extract().jsonPath().getString("staleReason")).contains("evaluation");
        regenerateUntilCurrent(id);
        assertThat(Fixtures.metadata(id).extract().jsonPath().getList("inputs.ref", String.class))
                .contains(Long.toString(evaluation));

        // the department fills in an indicator: its score changes, the document is stale again
        String etag = given().baseUri(Peers.evaluation().url()).auth().oauth2(Tokens.finance()).when()
                .get("/api/v1/evaluations/{id}", evaluation).then().statusCode(200).extract().header("ETag");
        given().baseUri(Peers.evaluation().url()).auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .header("If-Match", etag).body(Map.of("band", "ACHIEVED", "proposedScore", 20)).when()
                .put("/api/v1/evaluations/{id}/indicators/LZ12", evaluation).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> stale(id));
        regenerateUntilCurrent(id);
        assertThat(new String(Fixtures.content(id), StandardCharsets.UTF_8)).contains("20.00");

        given().auth().oauth2(Tokens.department(dept)).contentType(ContentType.JSON)
                .body(Map.of("content", "负责本部门的绩效管理。")).when()
                .put("/api/v1/narratives/{d}/2022/sections/ANNUAL_GOALS", dept).then().statusCode(200);
        // local change: stale in the same transaction, no waiting
        assertThat(stale(id)).isTrue();
    }
}
