package gov.budgetperf.evaluation.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.common.testing.ServiceProcess;
import gov.budgetperf.common.testing.Tokens;

/**
 * End to end over the real broker: a change in budget-service (a separate process) changes the budget-linked score
 * of the department's evaluation here within seconds, exactly once.
 */
@QuarkusTest
class BudgetToEvaluationTest {

    private static BigDecimal lz13(long id) {
        String s = given().auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations/{id}", id).then()
                .statusCode(200).extract().jsonPath().getString("indicators.find { it.code == 'LZ13' }.score");
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void aBudgetChangeRescoresTheEvaluationOnce() throws Exception {
        String dept = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String finance = Tokens.finance();
        try (ServiceProcess budget = new ServiceProcess("budget-service", "budget_e2e",
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), Map.of())) {
            given().baseUri(budget.url()).auth().oauth2(finance).contentType(ContentType.JSON)
                    .body(Map.of("code", dept, "name", "端到端测试部门", "region", "测试区")).when()
                    .post("/api/v1/departments").then().statusCode(201);
            given().baseUri(budget.url()).auth().oauth2(finance).contentType(ContentType.JSON)
                    .body(Map.of("allocations", List.of(Map.of("expenditureType", "PUBLIC_FUNDS", "fundingSource",
                            "GENERAL_PUBLIC", "amount", "1000000.00"))))
                    .when().post("/api/v1/departments/{c}/budgets/2022", dept).then().statusCode(201);
            given().baseUri(budget.url()).auth().oauth2(finance).contentType(ContentType.JSON)
                    .body(Map.of("date", "2022-06-30", "amount", "800000.00", "expenditureType", "PUBLIC_FUNDS")).when()
                    .post("/api/v1/departments/{c}/budgets/2022/expenditures", dept).then().statusCode(201);

            long id = given().auth().oauth2(finance).contentType(ContentType.JSON)
                    .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", dept, "fiscalYear", 2022, "ruleSetCode",
                            "GZ-DEPT-COMMON"))
                    .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
            // 80% executed → 8.00 of 10
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lz13(id)).isEqualByComparingTo("8.00"));

            long before = System.nanoTime();
            given().baseUri(budget.url()).auth().oauth2(finance).contentType(ContentType.JSON)
                    .body(Map.of("date", "2022-11-30", "amount", "130000.00", "expenditureType", "PUBLIC_FUNDS")).when()
                    .post("/api/v1/departments/{c}/budgets/2022/expenditures", dept).then().statusCode(201);
            // 93% executed → 9.30, within seconds
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(lz13(id)).isEqualByComparingTo("9.30"));
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
            // exactly once: the event of the last change (version 3 of the department-year) was applied one time
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            List<Object> applied = given().auth().oauth2(finance).when().get("/api/v1/evaluations/{id}/audit?size=200", id)
                    .then().statusCode(200).extract().jsonPath()
                    .getList("items.findAll { it.action == 'BUDGET_FIGURES_APPLIED' && it.detail.budgetDataVersion == 3 }");
            assertThat(applied).hasSize(1);
        }
    }
}
