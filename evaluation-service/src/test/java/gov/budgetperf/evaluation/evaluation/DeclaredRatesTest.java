package gov.budgetperf.evaluation.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.common.testing.Tokens;

/** The 天河 form typed an adjustment rate of 0.00% beside an adjustment of 0.21 on 417.82: the check says 0.05%. */
@QuarkusTest
class DeclaredRatesTest {

    @Test
    void aTypedRateThatDisagreesWithTheFiguresIsAnError() throws Exception {
        String dept = "TH-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Tokens.department(dept);
        long id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", dept, "fiscalYear", 2022, "ruleSetCode",
                        "GZ-DEPT-COMMON"))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
        try (BudgetEventsFixture budget = new BudgetEventsFixture()) {
            // budget-service's documented example is 天河 2022: 96.03% executed, adjustment rate 0.05%
            budget.send(budget.budgetChanged(dept, 2022, 1, "0.960266009616"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token).when()
                .get("/api/v1/evaluations/{id}", id).then().extract().jsonPath().get("budgetDataVersion") != null);
        String etag = given().auth().oauth2(token).when().get("/api/v1/evaluations/{id}", id).then().extract()
                .header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("rates", Map.of("ADJUSTMENT_RATE", 0.00, "EXECUTION_RATE", 96.03))).when()
                .put("/api/v1/evaluations/{id}/declared-rates", id).then().statusCode(200);
        List<Map<String, Object>> findings = given().auth().oauth2(token).when()
                .get("/api/v1/evaluations/{id}/findings", id).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.code == 'DECLARED_RATE_MISMATCH' }");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0)).containsEntry("location", "ADJUSTMENT_RATE").containsEntry("severity", "ERROR");
        assertThat((String) findings.get(0).get("message")).contains("0.05%");
    }
}
