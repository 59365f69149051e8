package gov.budgetperf.evaluation.evaluation;

import static gov.budgetperf.evaluation.evaluation.EvaluationApi.etag;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.evaluation;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.explainExecution;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.field;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.findings;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.get;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.leaf;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.publish;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.put;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.ruleSet;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.score;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.where;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.common.testing.Tokens;

/**
 * Issue 10 §4 through the API: reason and measure when the actual is short of its target (not when the rounded score
 * is), the execution-rate explanation for execution rates only, from the displayed percent, for the department and
 * each of its projects even without a budget-linked indicator; not applicable needs a reason; a direction that
 * contradicts the rule is an error.
 */
@QuarkusTest
class ChecksThatFireTest {

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anActualShortOfItsTargetNeedsAReasonAndAMeasureEvenAtFullMarks() {
        String code = unique("CHK");
        publish(ruleSet(code, List.of(leaf("C1", "培训合格率", 10, ">=", Map.of("type", "RATIO_POSITIVE")),
                leaf("C2", "制度建设", 90, null, Map.of("type", "YES_NO")))));
        long id = evaluation(unique("CHK"), code);
        put(id, "C2", Map.of("yes", true)).statusCode(200);

        // 99.95 of ≥ 100 scores 10.00 of 10, and is still short of the target
        put(id, "C1", Map.of("target", 100, "actual", 99.95)).statusCode(200);
        assertThat(score(get(id), "C1")).isEqualByComparingTo("10.00");
        assertThat(where(findings(id), "REASON_MISSING")).containsExactly("C1");
        // a reason alone is not enough
        put(id, "C1", Map.of("target", 100, "actual", 99.95, "reason", "两人缺考")).statusCode(200);
        assertThat(where(findings(id), "REASON_MISSING")).containsExactly("C1");
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag(id)).body("{}")
                .when().post("/api/v1/evaluations/{id}/submit", id).then().statusCode(422)
                .body("violations[0].field", equalTo("C1"));
        put(id, "C1", Map.of("target", 100, "actual", 99.95, "reason", "两人缺考", "measure", "组织补考")).statusCode(200);
        assertThat(where(findings(id), "REASON_MISSING")).isEmpty();
        // on the target: nothing is due
        put(id, "C1", Map.of("target", 100, "actual", 100)).statusCode(200);
        assertThat(findings(id)).noneMatch(f -> "ERROR".equals(f.get("severity")));

        // not applicable needs a reason
        put(id, "C1", Map.of("notApplicable", true)).statusCode(200);
        assertThat(where(findings(id), "NOT_APPLICABLE_UNEXPLAINED")).containsExactly("C1");
        put(id, "C1", Map.of("notApplicable", true, "reason", "本年度未开展培训")).statusCode(200);
        assertThat(where(findings(id), "NOT_APPLICABLE_UNEXPLAINED")).isEmpty();
    }

    @Test
    void aDirectionThatContradictsTheRuleIsAnError() {
        String dept = unique("DIR");
        long id = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "PROJECT", "departmentCode", dept, "fiscalYear", 2022, "projectCode", "P-1",
                        "ruleSetCode", "MOF-PROJECT-SELF"))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
        // a ≤ indicator scored by RATIO_POSITIVE would give full marks for overspending
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(Map.of("parentCode", "B4", "code", "B4-01", "name", "单位成本", "weight", 10, "direction", "<=",
                        "rule", Map.of("type", "RATIO_POSITIVE")))
                .when().post("/api/v1/evaluations/{id}/indicators", id).then().statusCode(201);
        List<Map<String, Object>> f = findings(id);
        assertThat(where(f, "DIRECTION_CONTRADICTS_RULE")).containsExactly("B4-01");
        assertThat(f).filteredOn(x -> "DIRECTION_CONTRADICTS_RULE".equals(x.get("code")))
                .allSatisfy(x -> assertThat(x).containsEntry("severity", "ERROR"));
        // a budget-linked custom indicator must name a rate budget-service publishes
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(Map.of("parentCode", "B4", "code", "B4-02", "name", "x", "weight", 1, "rule",
                        Map.of("type", "BUDGET_LINKED", "metric", "threePublic.categories[TRAVEL].controlRate")))
                .when().post("/api/v1/evaluations/{id}/indicators", id).then().statusCode(400)
                .body("violations[0].field", equalTo("rule"));
    }

    @Test
    void theDepartmentsAndItsProjectsExecutionRatesAreCheckedWithoutABudgetLinkedIndicator() throws Exception {
        String code = unique("EXE");
        // no budget-linked execution rate here; a staff control rate of 85 % is no execution rate
        publish(ruleSet(code, List.of(leaf("E1", "制度建设", 90, null, Map.of("type", "YES_NO")),
                leaf("E2", "在职人员控制率", 10, "<=", Map.of("type", "BUDGET_LINKED", "metric", "staffControlRate",
                        "direction", "<=", "targetPercent", 100)))));
        String dept = unique("EXE");
        long id = evaluation(dept, code);
        put(id, "E1", Map.of("yes", true)).statusCode(200);
        try (BudgetEventsFixture budget = new BudgetEventsFixture()) {
            ObjectNode event = budget.budgetChanged(dept, 2022, 1, "0.850000000000");
            BudgetEventsFixture.rate(BudgetEventsFixture.metrics(event), "staffControlRate", "0.850000000000");
            // over-executed, under-executed, and 89.996 % that shows as 90.00 %
            BudgetEventsFixture.projects(event, "P-OVER", "1.050000000000", "P-UNDER", "0.800000000000", "P-EDGE",
                    "0.899960000000");
            budget.send(event);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> score(get(id), "E2") != null);
        assertThat(field(get(id), "E2", "actualText")).isEqualTo("85.00%");

        List<Map<String, Object>> f = findings(id);
        assertThat(where(f, "EXECUTION_RATE_UNEXPLAINED")).containsExactly("evaluation", "project:P-OVER",
                "project:P-UNDER");
        assertThat(f).filteredOn(x -> "project:P-OVER".equals(x.get("location")))
                .allSatisfy(x -> assertThat((String) x.get("message")).contains("P-OVER", "105.00%"));
        assertThat(f).filteredOn(x -> "evaluation".equals(x.get("location")))
                .allSatisfy(x -> assertThat((String) x.get("message")).contains("85.00%"));

        // a reason without a measure does not explain it
        explainExecution(id, Map.of("subject", Map.of("reason", "项目采购延期", "measure", " "))).statusCode(400);
        explainExecution(id, Map.of("subject", Map.of("reason", "项目采购延期", "measure", "提前开展采购"), "projects",
                Map.of("P-OVER", Map.of("reason", "追加任务先行支付", "measure", "及时办理预算调整")))).statusCode(200)
                .body("executionExplanations.projects.'P-OVER'.measure", equalTo("及时办理预算调整"));
        assertThat(where(findings(id), "EXECUTION_RATE_UNEXPLAINED")).containsExactly("project:P-UNDER");
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag(id)).body("{}")
                .when().post("/api/v1/evaluations/{id}/submit", id).then().statusCode(422)
                .body("violations.field", equalTo(List.of("project:P-UNDER")));
        explainExecution(id, Map.of("subject", Map.of("reason", "项目采购延期", "measure", "提前开展采购"), "projects",
                Map.of("P-OVER", Map.of("reason", "追加任务先行支付", "measure", "及时办理预算调整"), "P-UNDER",
                        Map.of("reason", "培训延期", "measure", "调整培训计划"))))
                .statusCode(200);
        assertThat(findings(id)).noneMatch(x -> "ERROR".equals(x.get("severity")));
    }

    @Test
    void aBudgetLinkedExecutionRateCarriesItsOwnReasonAndMeasure() throws Exception {
        String dept = unique("LZ");
        long id = evaluation(dept, "GZ-DEPT-COMMON");
        try (BudgetEventsFixture budget = new BudgetEventsFixture()) {
            budget.send(budget.budgetChanged(dept, 2022, 1, "0.850000000000"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> score(get(id), "LZ13") != null);
        put(id, "LZ13", Map.of("reason", "项目采购延期")).statusCode(200);
        List<Map<String, Object>> f = findings(id);
        // on the indicator, not on the evaluation: the department puts reason and measure on LZ13
        assertThat(where(f, "EXECUTION_RATE_UNEXPLAINED")).containsExactly("LZ13");
        assertThat(where(f, "REASON_MISSING")).contains("LZ13");
        put(id, "LZ13", Map.of("reason", "项目采购延期", "measure", "提前开展采购")).statusCode(200);
        f = findings(id);
        assertThat(where(f, "EXECUTION_RATE_UNEXPLAINED")).isEmpty();
        assertThat(where(f, "REASON_MISSING")).doesNotContain("LZ13");
    }
}
