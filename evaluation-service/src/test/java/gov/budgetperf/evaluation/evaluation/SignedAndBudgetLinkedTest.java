package gov.budgetperf.evaluation.evaluation;

import static gov.budgetperf.evaluation.evaluation.EvaluationApi.evaluation;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.field;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.get;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.leaf;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.publish;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.put;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.ruleSet;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.score;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import gov.budgetperf.common.testing.Tokens;

/**
 * Issue 10 §3 through the API: signed targets and actuals where the rule's formula is defined (a 400 naming the field
 * where it is not), budget-linked indicators in both directions and in percent, bound to nested metrics, scored from
 * the rate as shown, and LINEAR_TO_DOUBLE against a target of 0.
 */
@QuarkusTest
class SignedAndBudgetLinkedTest {

    static Map<String, Object> linked(String metric, String direction, int targetPercent) {
        return Map.of("type", "BUDGET_LINKED", "metric", metric, "direction", direction, "targetPercent", targetPercent);
    }

    @Test
    void signedAndBudgetLinkedIndicatorsScore() throws Exception {
        String code = "SGN-" + UUID.randomUUID().toString().substring(0, 8);
        publish(ruleSet(code, List.of(
                leaf("S11", "三公经费变动率", 10, "<=", Map.of("type", "RATIO_REVERSE")),
                leaf("S12", "安全事故", 10, "<=", Map.of("type", "RATIO_REVERSE", "formula", "LINEAR_TO_DOUBLE")),
                leaf("S13", "三公经费变动率（预算）", 10, "<=", linked("threePublic.changeRate", "<=", 0)),
                leaf("S14", "公务接待费控制率", 10, "<=", linked("threePublic.categories[RECEPTION].controlRate", "<=", 100)),
                leaf("S15", "公用经费控制率", 10, "<=", linked("publicFundsControlRate", "<=", 100)),
                leaf("S16", "预算执行率", 10, ">=", linked("executionRate", ">=", 100)),
                leaf("S17", "培训人数", 40, ">=", Map.of("type", "RATIO_POSITIVE")))));
        String dept = "SGN-" + UUID.randomUUID().toString().substring(0, 8);
        long id = evaluation(dept, code);

        try (BudgetEventsFixture budget = new BudgetEventsFixture()) {
            // 932.45 of 1,000 executed: 93.25 %; public funds 95 % of budget; 三公 −16.67 % on last year, 接待 75 %
            ObjectNode event = budget.budgetChanged(dept, 2022, 1, "0.932450000000");
            ObjectNode metrics = BudgetEventsFixture.metrics(event);
            metrics.put("adjustedBudget", new BigDecimal("1000.00")).put("actualExpenditure", new BigDecimal("932.45"));
            BudgetEventsFixture.rate(metrics, "publicFundsControlRate", "0.950000000000");
            BudgetEventsFixture.rate(metrics, "threePublic.changeRate", "-0.166666666667");
            budget.send(event);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> score(get(id), "S16") != null);

        JsonPath e = get(id);
        // 三公经费变动率 from budget.events, −16.67 % against ≤ 0: a cut, full marks (was: unscored, no total)
        assertThat(new BigDecimal(field(e, "S13", "actual"))).isEqualByComparingTo("-16.67");
        assertThat(field(e, "S13", "actualText")).isEqualTo("-16.67%");
        assertThat(score(e, "S13")).isEqualByComparingTo("10.00");
        // a nested metric: the reception line of 三公经费, 75 % of its budget
        assertThat(field(e, "S14", "actualText")).isEqualTo("75.00%");
        assertThat(score(e, "S14")).isEqualByComparingTo("10.00");
        // a control rate of 95 % against ≤ 100 %: full marks (was 9.50, 0.95 of the weight)
        assertThat(field(e, "S15", "actualText")).isEqualTo("95.00%");
        assertThat(score(e, "S15")).isEqualByComparingTo("10.00");
        // 93.25 % shown, 9.33 scored (was 9.32 from the exact 0.93245)
        assertThat(field(e, "S16", "actualText")).isEqualTo("93.25%");
        assertThat(score(e, "S16")).isEqualByComparingTo("9.33");
        assertThat(field(e, "S16", "scoreExplanation.formula")).isEqualTo("10 × min(93.25 ÷ 100, 1) = 9.325 → 9.33");
        assertThat(e.getList("indicators.find { it.code == 'S16' }.scoreExplanation.notes", String.class))
                .anySatisfy(n -> assertThat(n).startsWith("scored from the rate as shown: 93.25 %"));

        // typed: 三公经费变动率 −12.30 % against ≤ 0 (was refused with 400)
        JsonPath typed = put(id, "S11", Map.of("target", 0, "actual", -12.30, "targetText", "≤0%")).statusCode(200)
                .extract().jsonPath();
        assertThat(new BigDecimal(field(typed, "S11", "score"))).isEqualByComparingTo("10.00");
        // 安全事故 ≤ 0 起: 0 → full marks, 1 → 0, not an error
        assertThat(new BigDecimal(field(put(id, "S12", Map.of("target", 0, "actual", 0)).statusCode(200).extract()
                .jsonPath(), "S12", "score"))).isEqualByComparingTo("10.00");
        assertThat(new BigDecimal(field(put(id, "S12", Map.of("target", 0, "actual", 1, "reason", "发生一起轻微事故",
                "measure", "加强安全培训")).statusCode(200).extract().jsonPath(), "S12", "score")))
                .isEqualByComparingTo("0.00");
        put(id, "S12", Map.of("target", 0, "actual", 0)).statusCode(200);
        // a ratio against a negative target is undefined: 400 naming the field and the reason
        put(id, "S17", Map.of("target", -20, "actual", 20)).statusCode(400).body("violations[0].field", equalTo("target"))
                .body("violations[0].message", containsString("must be positive"));
        put(id, "S17", Map.of("target", 20, "actual", 20)).statusCode(200);

        e = get(id);
        // 10 + 10 + 10 + 10 + 10 + 9.33 + 40
        assertThat(new BigDecimal(e.getString("total"))).isEqualByComparingTo("99.33");
        assertThat(e.getString("grade")).isEqualTo("优");
    }

    @Test
    void theValidatorRefusesAmbiguousOrUnknownBindingsAndContradictoryDirections() {
        String code = "SGV-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> leaves = List.of(
                leaf("V1", "执行率（比率）", 25, ">=", Map.of("type", "BUDGET_LINKED", "target", 1)),
                leaf("V2", "执行率（拼错）", 25, ">=", linked("exectionRate", ">=", 100)),
                leaf("V3", "公用经费控制率", 25, "<=", Map.of("type", "RATIO_POSITIVE")),
                leaf("V4", "三公经费控制率", 25, "<=", Map.of("type", "BUDGET_LINKED", "metric", "threePublic.controlRate")));
        JsonPath problem = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(ruleSet(code, leaves)).when().post("/api/v1/rule-sets").then().statusCode(422).extract().jsonPath();
        String path = "tree.nodes[0].children[0].children";
        assertThat(problem.getList("violations.field", String.class)).containsExactly(path + "[0].rule",
                path + "[1].rule", path + "[2].direction", path + "[3].direction");
        assertThat(problem.getList("violations.message", String.class)).satisfiesExactly(
                m -> assertThat(m).contains("targetPercent"), m -> assertThat(m).contains("exectionRate"),
                m -> assertThat(m).contains("≤").contains("RATIO_POSITIVE"),
                m -> assertThat(m).contains("\"direction\": \"<=\""));
    }
}
