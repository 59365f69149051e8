package gov.budgetperf.evaluation.scoring;

import static gov.budgetperf.evaluation.scoring.ScoringAssertions.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

class ScoringRuleJsonTest {

    final ObjectMapper mapper = new ObjectMapper();

    static Stream<ScoringRule> everyRuleType() {
        return Stream.of(new ScoringRule.RatioPositive(), new ScoringRule.RatioReverse(ReverseFormula.LINEAR_TO_DOUBLE),
                new ScoringRule.Equal(d("2.5"), ToleranceMode.ABSOLUTE),
                new ScoringRule.ThresholdSteps(d("95"), d("2"), d("0.2"), true),
                new ScoringRule.LinearDeduction(d("100"), d("0.1")), new ScoringRule.Qualitative(d("0.85"), d("0.6")),
                new ScoringRule.YesNo(), new ScoringRule.BudgetLinked("EXECUTION_RATE", d("95")), new ScoringRule.Manual());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRuleType")
    void roundTrips(ScoringRule rule) throws JsonProcessingException {
        String json = mapper.writeValueAsString(rule);

        assertThat(json).startsWith("{\"type\":\"" + rule.ruleType().name() + "\"").doesNotContain("ruleType",
                "parameters");
        assertThat(mapper.readValue(json, ScoringRule.class)).isEqualTo(rule);
    }

    @Test
    void everyRuleTypeHasARecord() {
        assertThat(everyRuleType().map(ScoringRule::ruleType)).containsExactly(RuleType.values());
    }

    @ParameterizedTest
    @EnumSource(value = RuleType.class, names = {"THRESHOLD_STEPS", "LINEAR_DEDUCTION"}, mode = EnumSource.Mode.EXCLUDE)
    void aTypeAloneGivesTheDefaults(RuleType type) throws JsonProcessingException {
        ScoringRule rule = mapper.readValue("{\"type\":\"" + type.name() + "\"}", ScoringRule.class);

        assertThat(rule.ruleType()).isEqualTo(type);
    }

    @Test
    void readsTheDesignExample() throws JsonProcessingException {
        ScoringRule rule = mapper.readValue(
                "{\"type\":\"THRESHOLD_STEPS\",\"threshold\":95,\"step\":2,\"deductionFraction\":0.2}",
                ScoringRule.class);

        assertThat(rule).isEqualTo(new ScoringRule.ThresholdSteps(d("95"), d("2"), d("0.2"), false));
    }

    @Test
    void absentParametersTakeTheirDefaults() throws JsonProcessingException {
        assertThat(read("{\"type\":\"RATIO_REVERSE\"}"))
                .isEqualTo(new ScoringRule.RatioReverse(ReverseFormula.TARGET_OVER_ACTUAL));
        assertThat(read("{\"type\":\"EQUAL\"}")).isEqualTo(new ScoringRule.Equal(d("0"), ToleranceMode.RELATIVE));
        assertThat(read("{\"type\":\"EQUAL\",\"tolerance\":0.05}"))
                .isEqualTo(new ScoringRule.Equal(d("0.05"), ToleranceMode.RELATIVE));
        assertThat(read("{\"type\":\"QUALITATIVE\"}")).isEqualTo(new ScoringRule.Qualitative(d("0.80"), d("0.60")));
        assertThat(read("{\"type\":\"BUDGET_LINKED\"}"))
                .isEqualTo(new ScoringRule.BudgetLinked("EXECUTION_RATE", d("100")));
        assertThat(read("{\"type\":\"BUDGET_LINKED\",\"direction\":\"<=\",\"metric\":\"publicFundsControlRate\"}"))
                .isEqualTo(new ScoringRule.BudgetLinked("publicFundsControlRate", Direction.AT_MOST, d("100"),
                        ReverseFormula.TARGET_OVER_ACTUAL, null));
    }

    @Test
    void budgetLinkedRulesInBothDirectionsRoundTrip() throws JsonProcessingException {
        for (ScoringRule rule : List.of(
                new ScoringRule.BudgetLinked("threePublic.categories[RECEPTION].changeRate", Direction.AT_MOST, d("0"),
                        null, d("0.5")),
                new ScoringRule.BudgetLinked("project:executionRate", Direction.AT_MOST, d("100"),
                        ReverseFormula.LINEAR_TO_DOUBLE, null))) {
            String json = mapper.writeValueAsString(rule);
            assertThat(mapper.readValue(json, ScoringRule.class)).isEqualTo(rule);
        }
        assertThat(mapper.writeValueAsString(new ScoringRule.BudgetLinked("publicFundsControlRate", Direction.AT_MOST,
                d("100"), null, d("0.1")))).contains("\"direction\":\"<=\"");
    }

    @Test
    void theRatioTargetOfVersionOneRulesIsReadAsAPercent() throws JsonProcessingException {
        // GZ-DEPT-COMMON/v1 and MOF-PROJECT-SELF/v1 were published with "target": 1 (a ratio): still 100 %
        assertThat(read("{\"type\":\"BUDGET_LINKED\",\"metric\":\"PROJECT_EXECUTION_RATE\",\"target\":1}"))
                .isEqualTo(new ScoringRule.BudgetLinked("PROJECT_EXECUTION_RATE", d("100")));
        assertThatThrownBy(() -> read("{\"type\":\"BUDGET_LINKED\",\"target\":1,\"targetPercent\":100}"))
                .isInstanceOf(ValueInstantiationException.class).cause().hasMessageContaining("targetPercent only");
    }

    @Test
    void aMissingRequiredParameterIsRejected() {
        assertThatThrownBy(() -> read("{\"type\":\"THRESHOLD_STEPS\",\"threshold\":95,\"deductionFraction\":0.2}"))
                .isInstanceOf(ValueInstantiationException.class).cause().isInstanceOf(ScoringException.class)
                .hasMessage("step is required");
        assertThatThrownBy(() -> read("{\"type\":\"LINEAR_DEDUCTION\",\"limit\":100}"))
                .isInstanceOf(ValueInstantiationException.class).cause().hasMessage("perUnit is required");
    }

    @Test
    void anUnknownTypeIsRejected() {
        assertThatThrownBy(() -> read("{\"type\":\"LOTTERY\"}")).isInstanceOf(InvalidTypeIdException.class);
    }

    @Test
    void aListOfRulesRoundTrips() throws JsonProcessingException {
        List<ScoringRule> rules = everyRuleType().toList();
        String json = mapper.writerFor(mapper.getTypeFactory().constructCollectionType(List.class, ScoringRule.class))
                .writeValueAsString(rules);

        List<ScoringRule> back = mapper.readValue(json,
                mapper.getTypeFactory().constructCollectionType(List.class, ScoringRule.class));
        assertThat(back).isEqualTo(rules);
    }

    private ScoringRule read(String json) throws JsonProcessingException {
        return mapper.readValue(json, ScoringRule.class);
    }
}
