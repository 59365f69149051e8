package gov.budgetperf.evaluation.scoring;

import static gov.budgetperf.evaluation.scoring.ScoringAssertions.actual;
import static gov.budgetperf.evaluation.scoring.ScoringAssertions.assertRejected;
import static gov.budgetperf.evaluation.scoring.ScoringAssertions.d;
import static gov.budgetperf.evaluation.scoring.ScoringAssertions.measured;
import static gov.budgetperf.evaluation.scoring.ScoringAssertions.score;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverachievementPolicyTest {

    final ScoringRule positive = new ScoringRule.RatioPositive();

    @Test
    void offByDefault() {
        ScoreResult result = score(positive, "10", measured("100", "250"));

        assertThat(result.score()).isEqualTo(d("10.00"));
        assertThat(result.flags()).isEmpty();
        assertThat(result.explanation().notes()).isEmpty();
    }

    @Test
    void flagsATargetSetTooLowWithoutDeducting() {
        ScoreResult result = score(positive, "10", measured("100", "250"), OverachievementPolicy.flagAbove(d("1.5")));

        assertThat(result.score()).isEqualTo(d("10.00"));
        assertThat(result.flags()).containsExactly(Flag.TARGET_TOO_LOW);
        assertThat(result.explanation().notes())
                .containsExactly("target set too low: actual is 2.50 × target 100 (above the bound 1.5)");
    }

    @Test
    void exactlyAtTheBoundIsNotFlagged() {
        ScoreResult result = score(positive, "10", measured("100", "150"),
                OverachievementPolicy.deductAbove(d("1.5"), d("0.3")));

        assertThat(result.flags()).isEmpty();
        assertThat(result.score()).isEqualTo(d("10.00"));
    }

    @ParameterizedTest(name = "actual {0} of target 100 → {1}")
    @CsvSource({"151.5, 9.90", "180, 8.00", "195, 7.00", "250, 7.00", "1000, 7.00"})
    void deductsByDeviationBeyondTheBoundUpToTheCap(String actual, String expected) {
        // deduction = weight × min(0.3, (r − 1.5) ÷ 1.5)
        ScoreResult result = score(positive, "10", measured("100", actual),
                OverachievementPolicy.deductAbove(d("1.5"), d("0.3")));

        assertThat(result.score()).isEqualTo(d(expected));
        assertThat(result.flags()).containsExactly(Flag.TARGET_TOO_LOW);
    }

    @Test
    void explainsTheDeduction() {
        ScoreResult result = score(positive, "10", measured("100", "180"),
                OverachievementPolicy.deductAbove(d("1.5"), d("0.3")));

        assertThat(result.explanation().formula()).isEqualTo("10 × min(180 ÷ 100, 1) = 10; "
                + "deduction by deviation (按偏离度调减) 10 × min(0.3, (180 ÷ 100 − 1.5) ÷ 1.5) = 2; max(0, 10 − 2) = 8.00");
        assertThat(result.explanation().notes()).contains(
                "deduction by deviation (按偏离度调减): weight × min(maxDeductionFraction, (actual ÷ target − bound) ÷ bound)");
        assertThat(result.explanation().rawScore()).isEqualByComparingTo("8");
    }

    @Test
    void withoutACapTheWholeWeightCanGo() {
        ScoreResult result = score(positive, "10", measured("100", "400"), new OverachievementPolicy(d("1.5"), true, null));

        assertThat(result.score()).isEqualTo(d("0.00"));
    }

    @Test
    void thresholdStepsUseTheInputTargetOrElseTheThreshold() {
        ScoringRule steps = new ScoringRule.ThresholdSteps(d("60"), d("5"), d("0.1"));
        OverachievementPolicy policy = OverachievementPolicy.flagAbove(d("1.5"));

        assertThat(score(steps, "10", actual("95"), policy).flags()).containsExactly(Flag.TARGET_TOO_LOW);
        assertThat(score(steps, "10", actual("90"), policy).flags()).isEmpty();
        assertThat(score(steps, "10", measured("80", "95"), policy).flags()).isEmpty();
    }

    @Test
    void doesNotApplyToOtherRules() {
        OverachievementPolicy policy = OverachievementPolicy.deductAbove(d("1.5"), d("0.3"));

        // 250 % of ≥ 100 % (in percent since budget-linked actuals are percentages, as 2.5 times the target was)
        assertThat(score(new ScoringRule.BudgetLinked(), "10", actual("250"), policy).flags()).isEmpty();
        assertThat(score(new ScoringRule.RatioReverse(), "10", measured("100", "10"), policy).flags()).isEmpty();
        // off an = target is short of it, never "target too low"
        assertThat(score(new ScoringRule.Equal(), "10", measured("100", "300"), policy).flags())
                .containsExactly(Flag.SHORT_OF_TARGET);
    }

    @Test
    void invalidPoliciesAreRejected() {
        assertRejected(() -> OverachievementPolicy.flagAbove(d("0.9")), "bound");
        assertRejected(() -> OverachievementPolicy.deductAbove(d("1.5"), d("1.2")), "maxDeductionFraction");
        assertRejected(() -> OverachievementPolicy.flagAbove(null), "bound");
    }
}
