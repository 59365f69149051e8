package gov.budgetperf.evaluation.openapi;

import static gov.budgetperf.common.testing.GeneratedClient.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.common.testing.GeneratedClient;
import gov.budgetperf.common.testing.Tokens;

/**
 * What a department's developers do: generate a Java client from the OpenAPI document the service serves, with
 * openapi-generator and no hand edits, compile it, and drive the running service through it: a rule set whose rules
 * are the generated subtypes of {@code ScoringRule} (the discriminator {@code type} picks the class both ways), an
 * evaluation made from it with an indicator of the department's own, its scores and explanations, lists, and an error.
 */
@QuarkusTest
class GeneratedClientTest {

    @Test
    void aClientGeneratedFromTheServedDocumentWorks() throws Exception {
        String code = "GEN-" + UUID.randomUUID().toString().substring(0, 8);
        try (GeneratedClient client = GeneratedClient.generate("evaluation").bearer(Tokens.finance())) {
            // a rule set: one leaf scored by threshold steps, one extensible node for the department's own indicators
            Object leaf = node(client, "T1", "达标率", 60, ">=", thresholdSteps(client, "95", "2", "0.2"));
            Object scored = node(client, "S1", "二级", 60, null, null);
            call(scored, "setChildren", List.of(leaf));
            Object open = node(client, "S2", "可扩展", 40, null, null);
            call(open, "setExtensible", true);
            Object top = node(client, "S", "一级", 100, null, null);
            call(top, "setChildren", List.of(scored, open));
            Object tree = client.model("IndicatorTree");
            call(tree, "setNodes", List.of(top));
            Object input = client.model("RuleSetInput");
            call(input, "setCode", code);
            call(input, "setName", "生成客户端测试指标体系");
            call(input, "setSubjectType", client.enumValue("SubjectType", "DEPARTMENT"));
            call(input, "setEffectiveFrom", LocalDate.of(2022, 1, 1));
            call(input, "setTree", tree);

            Object ruleSets = client.api("RuleSetsApi");
            Object createdRuleSet = call(ruleSets, "createRuleSetWithHttpInfo", input);
            assertThat(call(createdRuleSet, "getStatusCode")).isEqualTo(201);
            Object draft = call(createdRuleSet, "getData");
            assertThat(call(draft, "getCreatedAt")).as("createdAt of the created rule set").isNotNull();
            Object rule = ruleOf(firstLeaf(call(draft, "getTree")));
            assertThat(rule.getClass().getSimpleName()).isEqualTo("ThresholdStepsRule");
            assertThat((BigDecimal) call(rule, "getThreshold")).isEqualByComparingTo("95");
            assertThat((BigDecimal) call(rule, "getDeductionFraction")).isEqualByComparingTo("0.2");

            Object published = call(ruleSets, "publishRuleSet", code, 1, etag(createdRuleSet));
            assertThat(call(published, "getStatus").toString()).isEqualTo("PUBLISHED");
            assertThat(call(published, "getPublishedAt")).isNotNull();

            // get it back, find it in the list, and read a seeded rule set's budget-linked rule as its own class
            Object again = call(ruleSets, "getRuleSet", code, 1);
            assertThat(call(again, "getName")).isEqualTo("生成客户端测试指标体系");
            List<?> listed = (List<?>) call(call(ruleSets, "listRuleSets", code, null, null, null), "getItems");
            assertThat(listed).extracting(r -> call(r, "getCode")).containsExactly(code);
            Object seeded = call(ruleSets, "getRuleSet", "GZ-DEPT-COMMON", 1);
            assertThat(leaves(call(seeded, "getTree")).stream().map(n -> ruleOf(n).getClass().getSimpleName()).distinct())
                    .contains("QualitativeRule", "BudgetLinkedRule", "YesNoRule", "ManualRule", "LinearDeductionRule");

            // an evaluation of the rule set, a department indicator under the extensible node, and values
            Object evaluationInput = client.model("EvaluationInput");
            call(evaluationInput, "setSubjectType", client.enumValue("SubjectType", "DEPARTMENT"));
            call(evaluationInput, "setDepartmentCode", code);
            call(evaluationInput, "setFiscalYear", 2022);
            call(evaluationInput, "setRuleSetCode", code);
            Object evaluations = client.api("EvaluationsApi");
            Object createdEvaluation = call(evaluations, "createEvaluationWithHttpInfo", evaluationInput);
            assertThat(call(createdEvaluation, "getStatusCode")).isEqualTo(201);
            Object evaluation = call(createdEvaluation, "getData");
            long id = (Long) call(evaluation, "getId");
            assertThat(call(evaluation, "getTotal")).as("no total while T1 is unscored").isNull();
            assertThat(call(evaluation, "getRuleSet")).isEqualTo(code + "/v1");
            assertThat(call(evaluation, "getUpdatedAt")).as("updatedAt of the created evaluation").isNotNull();

            Object custom = client.model("CustomIndicatorInput");
            call(custom, "setParentCode", "S2");
            call(custom, "setCode", "S2-01");
            call(custom, "setName", "培训人数");
            call(custom, "setWeight", new BigDecimal("40"));
            call(custom, "setDirection", ">=");
            call(custom, "setRule", thresholdSteps(client, "100", "5", "0.1"));
            Object added = call(evaluations, "addIndicatorWithHttpInfo", id, custom, etag(createdEvaluation));
            assertThat(call(added, "getStatusCode")).isEqualTo(201);
            Object own = indicator(call(added, "getData"), "S2-01");
            assertThat(call(own, "getCustom")).isEqualTo(true);
            assertThat((BigDecimal) call(ruleOf(own), "getStep")).isEqualByComparingTo("5");

            Object values = client.model("IndicatorValues");
            call(values, "setTarget", new BigDecimal("95"));
            call(values, "setActual", new BigDecimal("93"));
            call(values, "setReason", "培训延期");
            call(values, "setMeasure", "下年补训");
            Object rescored = call(evaluations, "setIndicatorValues", "T1", id, values, etag(added));
            Object t1 = indicator(rescored, "T1");
            // one step of 2 short of 95: 60 × (1 − 0.2)
            assertThat((BigDecimal) call(t1, "getScore")).isEqualByComparingTo("48");
            Object explanation = call(t1, "getScoreExplanation");
            assertThat(call(explanation, "getRuleType").toString()).isEqualTo("THRESHOLD_STEPS");
            assertThat((String) call(explanation, "getFormula")).contains("= 48");
            assertThat(call(explanation, "getRuleSetVersion")).isEqualTo(code + "/v1");
            assertThat(call(explanation, "getFlags").toString()).contains("SHORT_OF_TARGET");

            // lists and reads through the client
            List<?> mine = (List<?>) call(call(evaluations, "listEvaluations", code, 2022, null, null, null),
                    "getItems");
            assertThat(mine).extracting(e -> call(e, "getId")).containsExactly(id);
            assertThat(call(mine.get(0), "getIndicators")).as("lists leave the indicators out").isNull();
            Object read = call(evaluations, "getEvaluation", id);
            assertThat(call(read, "getIndicators")).asList().hasSize(5);
            List<?> audit = (List<?>) call(call(evaluations, "listEvaluationAudit", id, null, null), "getItems");
            assertThat(audit).extracting(a -> call(a, "getAction")).contains("CREATED", "INDICATOR_ADDED",
                    "VALUES_CHANGED");
            assertThat(audit).allSatisfy(a -> assertThat(call(a, "getDetail")).isInstanceOf(Map.class));

            // a workflow step without its optional comment: S2-01 has no values yet, so submitting is refused (422)
            String current = etag(call(evaluations, "getEvaluationWithHttpInfo", id));
            Throwable refused = catchThrowable(() -> call(evaluations, "submitEvaluation", id, current, null));
            assertThat(call(refused, "getCode")).isEqualTo(422);
            assertThat((String) call(refused, "getResponseBody")).contains("S2-01");

            // errors come back as the client's ApiException carrying the problem details
            Throwable missing = catchThrowable(() -> call(ruleSets, "getRuleSet", "NO-SUCH-" + code, 1));
            assertThat(missing.getClass().getSimpleName()).isEqualTo("ApiException");
            assertThat(call(missing, "getCode")).isEqualTo(404);
            assertThat((String) call(missing, "getResponseBody")).contains("\"status\":404");
            Throwable stale = catchThrowable(() -> call(evaluations, "setIndicatorValues", "T1", id, values, "\"0\""));
            assertThat(call(stale, "getCode")).isEqualTo(412);
            assertThat((String) call(stale, "getResponseBody")).contains("\"status\":412");
        }
    }

    /** A rule of the generated subtype for THRESHOLD_STEPS, wrapped in the generated ScoringRule. */
    private static Object thresholdSteps(GeneratedClient client, String threshold, String step, String fraction)
            throws Exception {
        Object rule = client.model("ThresholdStepsRule");
        call(rule, "setType", client.enumValue("ThresholdStepsRule$TypeEnum", "THRESHOLD_STEPS"));
        call(rule, "setThreshold", new BigDecimal(threshold));
        call(rule, "setStep", new BigDecimal(step));
        call(rule, "setDeductionFraction", new BigDecimal(fraction));
        Class<?> wrapper = client.type("ScoringRule");
        return wrapper.getConstructor(rule.getClass()).newInstance(rule);
    }

    private static Object node(GeneratedClient client, String code, String name, int weight, String direction,
            Object rule) throws Exception {
        Object n = client.model("IndicatorTemplate");
        call(n, "setCode", code);
        call(n, "setName", name);
        call(n, "setWeight", BigDecimal.valueOf(weight));
        if (direction != null) {
            call(n, "setDirection", direction);
        }
        if (rule != null) {
            call(n, "setRule", rule);
        }
        return n;
    }

    /** The rule of a template or an indicator, as the generated subtype the discriminator chose. */
    private static Object ruleOf(Object node) {
        try {
            Object rule = call(node, "getRule");
            assertThat(rule).as("rule of %s", call(node, "getCode")).isNotNull();
            return call(rule, "getActualInstance");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Object firstLeaf(Object tree) throws Exception {
        return leaves(tree).get(0);
    }

    private static List<Object> leaves(Object tree) throws Exception {
        List<Object> out = new java.util.ArrayList<>();
        for (Object n : (List<?>) call(tree, "getNodes")) {
            collectLeaves(n, out);
        }
        return out;
    }

    private static void collectLeaves(Object node, List<Object> out) throws Exception {
        List<?> children = (List<?>) call(node, "getChildren");
        if (children == null || children.isEmpty()) {
            if (call(node, "getRule") != null) {
                out.add(node);
            }
            return;
        }
        for (Object c : children) {
            collectLeaves(c, out);
        }
    }

    private static Object indicator(Object evaluation, String code) throws Exception {
        for (Object i : (List<?>) call(evaluation, "getIndicators")) {
            if (code.equals(call(i, "getCode"))) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    /** The ETag of a response the client gives with its headers (the …WithHttpInfo operations). */
    @SuppressWarnings("unchecked")
    private static String etag(Object apiResponse) throws Exception {
        Map<String, List<String>> headers = (Map<String, List<String>>) call(apiResponse, "getHeaders");
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("ETag")).findFirst()
                .map(h -> h.getValue().get(0)).orElseThrow(() -> new AssertionError("no ETag in " + headers.keySet()));
    }
}
