package gov.budgetperf.evaluation.scoring;

import static gov.budgetperf.evaluation.scoring.ScoringAssertions.VERSION;
import static gov.budgetperf.evaluation.scoring.ScoringAssertions.actual;
import static gov.budgetperf.evaluation.scoring.ScoringAssertions.assertRejected;
import static gov.budgetperf.evaluation.scoring.ScoringAssertions.d;
import static gov.budgetperf.evaluation.scoring.ScoringAssertions.measured;
import static gov.budgetperf.evaluation.scoring.ScoringAssertions.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScorerTest {

    @Nested
    class RatioPositive {

        final ScoringRule rule = new ScoringRule.RatioPositive();

        @Test
        void partAchievedScoresTheRatio() {
            ScoreResult result = score(rule, "10", measured("100", "93"));

            assertThat(result.score()).isEqualTo(d("9.30"));
            assertThat(result.explanation().formula()).isEqualTo("10 × min(93 ÷ 100, 1) = 9.30");
            // short of the target: a reason and a measure are due
            assertThat(result.flags()).containsExactly(Flag.SHORT_OF_TARGET);
        }

        @Test
        void atTargetScoresFullMarks() {
            assertThat(score(rule, "10", measured("100", "100")).score()).isEqualTo(d("10.00"));
        }

        @Test
        void aboveTargetIsCappedAtTheWeight() {
            ScoreResult result = score(rule, "10", measured("100", "150"));

            assertThat(result.score()).isEqualTo(d("10.00"));
            assertThat(result.explanation().rawScore()).isEqualByComparingTo("10");
        }

        @Test
        void actualZeroScoresZero() {
            assertThat(score(rule, "10", measured("100", "0")).score()).isEqualTo(d("0.00"));
        }

        @Test
        void zeroTargetIsRejected() {
            assertRejected(() -> score(rule, "10", measured("0", "5")), "target").contains("RATIO_POSITIVE");
        }

        @Test
        void missingTargetOrActualIsRejected() {
            assertRejected(() -> score(rule, "10", measured(null, "5")), "target").contains("required");
            assertRejected(() -> score(rule, "10", measured("5", null)), "actual").contains("required");
        }

        @Test
        void aNegativeTargetIsRejectedAsARatioAgainstItMeansNothing() {
            assertRejected(() -> score(rule, "10", measured("-5", "5")), "target").contains("RATIO_POSITIVE")
                    .contains("-5").contains("negative");
        }

        @Test
        void aNegativeActualScoresZero() {
            ScoreResult result = score(rule, "10", measured("5", "-0.01"));

            assertThat(result.score()).isEqualTo(d("0.00"));
            assertThat(result.explanation().notes()).anySatisfy(n -> assertThat(n).contains("clamped"));
            assertThat(result.flags()).containsExactly(Flag.SHORT_OF_TARGET);
        }

        @Test
        void anActualJustShortOfTheTargetRoundsToFullMarksButIsShortOfIt() {
            // 99.95 of ≥ 100: 9.995 → 10.00, and still a reason and a measure are due
            ScoreResult result = score(rule, "10", measured("100", "99.95"));

            assertThat(result.score()).isEqualTo(d("10.00"));
            assertThat(result.flags()).containsExactly(Flag.SHORT_OF_TARGET);
            assertThat(result.explanation().notes()).contains(
                    "short of the target (未达标): 99.95 < 100 (≥); a reason and a measure are due");
            assertThat(score(rule, "10", measured("100", "100")).flags()).isEmpty();
        }

        @Test
        void roundsHalfUpToTwoDecimalsAndKeepsTheRawScore() {
            ScoreResult result = score(rule, "10", measured("1000", "234.5"));

            assertThat(result.explanation().rawScore()).isEqualByComparingTo("2.345");
            assertThat(result.score()).isEqualTo(d("2.35"));
            assertThat(result.explanation().formula()).isEqualTo("10 × min(234.5 ÷ 1000, 1) = 2.345 → 2.35");
        }

        @Test
        void anExactHalfIsNotLostToARepeatingRatio() {
            // 7.035 × (1 ÷ 3) would be 2.34499… if the ratio were rounded first; the engine divides last: 7.035 ÷ 3 = 2.345
            ScoreResult result = score(rule, "7.035", measured("3", "1"));

            assertThat(result.explanation().rawScore()).isEqualByComparingTo("2.345");
            assertThat(result.score()).isEqualTo(d("2.35"));
        }

        @Test
        void aRepeatingRawScoreIsShownShortened() {
            ScoreResult result = score(rule, "10", measured("3", "2"));

            assertThat(result.score()).isEqualTo(d("6.67"));
            assertThat(result.explanation().formula()).isEqualTo("10 × min(2 ÷ 3, 1) = ≈6.666667 → 6.67");
        }
    }

    @Nested
    class RatioReverse {

        @ParameterizedTest(name = "target 10, actual {0} → {1}")
        @CsvSource({"10, 10.00", "15, 6.67", "20, 5.00", "30, 3.33", "5, 10.00", "0, 10.00"})
        void targetOverActual(String actual, String expected) {
            ScoreResult result = score(new ScoringRule.RatioReverse(ReverseFormula.TARGET_OVER_ACTUAL), "10",
                    measured("10", actual));

            assertThat(result.score()).isEqualTo(d(expected));
        }

        @Test
        void targetOverActualShowsTheFormula() {
            ScoreResult result = score(new ScoringRule.RatioReverse(), "10", measured("10", "20"));

            assertThat(result.explanation().formula()).isEqualTo("10 × min(10 ÷ 20, 1) = 5.00");
            assertThat(result.explanation().parameters()).containsExactly(entry("formula", "TARGET_OVER_ACTUAL"));
        }

        @Test
        void targetOverActualGivesFullMarksForActualZero() {
            ScoreResult result = score(new ScoringRule.RatioReverse(), "10", measured("10", "0"));

            assertThat(result.score()).isEqualTo(d("10.00"));
            assertThat(result.explanation().notes()).anySatisfy(n -> assertThat(n).contains("actual is 0"));
        }

        @Test
        void targetOverActualAcceptsAZeroTarget() {
            assertThat(score(new ScoringRule.RatioReverse(), "10", measured("0", "3")).score()).isEqualTo(d("0.00"));
            assertThat(score(new ScoringRule.RatioReverse(), "10", measured("0", "0")).score()).isEqualTo(d("10.00"));
        }

        @ParameterizedTest(name = "target 10, actual {0} → {1}")
        @CsvSource({"10, 10.00", "15, 5.00", "20, 0.00", "30, 0.00", "12.5, 7.50", "0, 10.00", "19.99, 0.01"})
        void linearToDouble(String actual, String expected) {
            ScoreResult result = score(new ScoringRule.RatioReverse(ReverseFormula.LINEAR_TO_DOUBLE), "10",
                    measured("10", actual));

            assertThat(result.score()).isEqualTo(d(expected));
        }

        @Test
        void linearToDoubleShowsTheFormula() {
            ScoreResult result = score(new ScoringRule.RatioReverse(ReverseFormula.LINEAR_TO_DOUBLE), "10",
                    measured("10", "15"));

            assertThat(result.explanation().formula()).isEqualTo("10 × (1 − (15 − 10) ÷ 10) = 5.00");
        }

        @ParameterizedTest(name = "安全事故 ≤ 0 起: actual {0} → {1}")
        @CsvSource({"0, 10.00", "1, 0.00", "3, 0.00", "0.5, 0.00"})
        void linearToDoubleWithATargetOfZero(String actual, String expected) {
            ScoreResult result = score(new ScoringRule.RatioReverse(ReverseFormula.LINEAR_TO_DOUBLE), "10",
                    measured("0", actual));

            assertThat(result.score()).isEqualTo(d(expected));
            assertThat(result.flags().contains(Flag.SHORT_OF_TARGET)).isEqualTo(!actual.equals("0"));
        }

        @Test
        void aChangeRateBelowATargetOfZeroIsACutWithFullMarks() {
            // 三公经费变动率 ≤ 0, actual −12.30 %
            for (ReverseFormula formula : ReverseFormula.values()) {
                ScoreResult result = score(new ScoringRule.RatioReverse(formula), "10", measured("0", "-12.30"));

                assertThat(result.score()).as(formula.name()).isEqualTo(d("10.00"));
                assertThat(result.flags()).as(formula.name()).isEmpty();
                assertThat(result.explanation().formula()).isEqualTo("10 (-12.3 ≤ 0: full marks) = 10.00");
            }
            assertThat(score(new ScoringRule.RatioReverse(), "10", measured("10", "-3")).score()).isEqualTo(d("10.00"));
        }

        @Test
        void aNegativeTargetIsRejectedUnderBothFormulas() {
            for (ReverseFormula formula : ReverseFormula.values()) {
                assertRejected(() -> score(new ScoringRule.RatioReverse(formula), "10", measured("-5", "-3")), "target")
                        .contains("must not be negative").contains(formula.name());
            }
        }

        @Test
        void aboveTheTargetIsShortOfIt() {
            assertThat(score(new ScoringRule.RatioReverse(), "10", measured("10", "10.01")).flags())
                    .containsExactly(Flag.SHORT_OF_TARGET);
            assertThat(score(new ScoringRule.RatioReverse(), "10", measured("10", "10")).flags()).isEmpty();
        }
    }

    @Nested
    class Equal {

        @ParameterizedTest(name = "relative 5%: target 100, actual {0} → {1}")
        @CsvSource({"100, 10.00", "105, 10.00", "95, 10.00", "106, 9.40", "90, 9.00", "250, 0.00"})
        void relativeTolerance(String actual, String expected) {
            ScoringRule rule = new ScoringRule.Equal(d("0.05"), ToleranceMode.RELATIVE);

            assertThat(score(rule, "10", measured("100", actual)).score()).isEqualTo(d(expected));
        }

        @ParameterizedTest(name = "absolute 2: target 100, actual {0} → {1}")
        @CsvSource({"102, 10.00", "98, 10.00", "103, 9.70", "97, 9.70"})
        void absoluteTolerance(String actual, String expected) {
            ScoringRule rule = new ScoringRule.Equal(d("2"), ToleranceMode.ABSOLUTE);

            assertThat(score(rule, "10", measured("100", actual)).score()).isEqualTo(d(expected));
        }

        @Test
        void withoutToleranceOnlyTheTargetScoresFullMarks() {
            ScoringRule rule = new ScoringRule.Equal();

            assertThat(score(rule, "10", measured("100", "100")).score()).isEqualTo(d("10.00"));
            ScoreResult off = score(rule, "10", measured("100", "101"));
            assertThat(off.score()).isEqualTo(d("9.90"));
            assertThat(off.explanation().formula()).isEqualTo("10 × max(0, 1 − |101 − 100| ÷ 100) = 9.90");
        }

        @Test
        void withinToleranceExplainsIt() {
            ScoreResult result = score(new ScoringRule.Equal(d("0.05"), null), "10", measured("100", "104"));

            assertThat(result.explanation().formula())
                    .isEqualTo("10 (|104 − 100| = 4 ≤ tolerance 0.05 × 100 = 5: full marks) = 10.00");
        }

        @Test
        void zeroTargetIsRejected() {
            assertRejected(() -> score(new ScoringRule.Equal(), "10", measured("0", "0")), "target").contains("EQUAL");
        }

        @ParameterizedTest(name = "relative 10%: target -5, actual {0} → {1}")
        @CsvSource({"-5, 10.00", "-5.5, 10.00", "-4.5, 10.00", "-4, 8.00", "-7, 6.00", "5, 0.00"})
        void aNegativeTargetMeasuresTheDeviationAgainstItsSize(String actual, String expected) {
            ScoreResult result = score(new ScoringRule.Equal(d("0.1"), ToleranceMode.RELATIVE), "10",
                    measured("-5", actual));

            assertThat(result.score()).isEqualTo(d(expected));
            assertThat(result.flags().contains(Flag.SHORT_OF_TARGET)).isEqualTo(!expected.equals("10.00"));
        }

        @Test
        void aNegativeTargetShowsItsSize() {
            assertThat(score(new ScoringRule.Equal(), "10", measured("-5", "-4")).explanation().formula())
                    .isEqualTo("10 × max(0, 1 − |-4 − -5| ÷ |-5|) = 8.00");
        }

        @Test
        void negativeToleranceIsRejected() {
            assertRejected(() -> new ScoringRule.Equal(d("-0.1"), null), "tolerance");
        }
    }

    @Nested
    class ThresholdSteps {

        // "≥ 95% full; each 2 points short deducts 20% of the weight"
        final ScoringRule whole = new ScoringRule.ThresholdSteps(d("95"), d("2"), d("0.2"));
        final ScoringRule partial = new ScoringRule.ThresholdSteps(d("95"), d("2"), d("0.2"), true);

        @ParameterizedTest(name = "actual {0}: {1} without partial steps, {2} with")
        @CsvSource({"95, 10.00, 10.00", "100, 10.00, 10.00", "94, 10.00, 8.00", "93, 8.00, 8.00", "92, 8.00, 6.00",
                "91, 6.00, 6.00", "85, 0.00, 0.00", "0, 0.00, 0.00"})
        void stepsBelowTheThreshold(String actual, String whole, String partial) {
            assertThat(score(this.whole, "10", actual(actual)).score()).as("partial steps ignored").isEqualTo(d(whole));
            assertThat(score(this.partial, "10", actual(actual)).score()).as("partial steps counted")
                    .isEqualTo(d(partial));
        }

        @Test
        void explainsTheSteps() {
            ScoreResult result = score(whole, "10", actual("93"));

            assertThat(result.explanation().formula()).isEqualTo("10 × max(0, 1 − floor((95 − 93) ÷ 2) × 0.2) = 8.00");
            assertThat(result.explanation().notes()).contains("1 step(s) of 2 short of 95 (a partial step does not count)");
            assertThat(result.explanation().parameters()).containsExactly(entry("threshold", d("95")), entry("step", d("2")),
                    entry("deductionFraction", d("0.2")), entry("countPartialSteps", false));
        }

        @Test
        void atTheThresholdExplainsFullMarks() {
            assertThat(score(whole, "10", actual("95")).explanation().formula()).isEqualTo("10 (95 ≥ 95: full marks) = 10.00");
        }

        @Test
        void aNegativeActualOrThresholdCounts() {
            // a growth rate of at least −5: −6.5 is one whole step of 1 short
            ScoringRule growth = new ScoringRule.ThresholdSteps(d("-5"), d("1"), d("0.1"));

            assertThat(score(growth, "10", actual("-4")).score()).isEqualTo(d("10.00"));
            assertThat(score(growth, "10", actual("-6.5")).score()).isEqualTo(d("9.00"));
            assertThat(score(whole, "10", actual("-1")).score()).isEqualTo(d("0.00"));
        }

        @Test
        void shortOfTheTypedTargetOrElseOfTheThreshold() {
            assertThat(score(whole, "10", actual("94.99")).flags()).containsExactly(Flag.SHORT_OF_TARGET);
            assertThat(score(whole, "10", actual("95")).flags()).isEmpty();
            assertThat(score(whole, "10", measured("98", "96")).flags()).containsExactly(Flag.SHORT_OF_TARGET);
        }

        @Test
        void invalidInputOrParametersAreRejected() {
            assertRejected(() -> score(whole, "10", ScoringInput.actual(null)), "actual");
            assertRejected(() -> new ScoringRule.ThresholdSteps(d("95"), d("0"), d("0.2")), "step");
            assertRejected(() -> new ScoringRule.ThresholdSteps(d("95"), d("2"), d("1.5")), "deductionFraction");
            assertRejected(() -> new ScoringRule.ThresholdSteps(null, d("2"), d("0.2")), "threshold");
        }
    }

    @Nested
    class LinearDeduction {

        // "≤ 100% full, minus 0.1 point per percentage point above"
        final ScoringRule rule = new ScoringRule.LinearDeduction(d("100"), d("0.1"));

        @ParameterizedTest(name = "actual {0} → {1}")
        @CsvSource({"99, 10.00", "100, 10.00", "103, 9.70", "100.05, 10.00", "100.06, 9.99", "200, 0.00", "250, 0.00"})
        void deductsPerUnitAboveTheLimitFlooredAtZero(String actual, String expected) {
            assertThat(score(rule, "10", actual(actual)).score()).isEqualTo(d(expected));
        }

        @Test
        void aChangeRateAgainstALimitOfZero() {
            ScoringRule change = new ScoringRule.LinearDeduction(d("0"), d("0.5"));

            assertThat(score(change, "10", actual("-12.30")).score()).isEqualTo(d("10.00"));
            assertThat(score(change, "10", actual("-12.30")).flags()).isEmpty();
            assertThat(score(change, "10", actual("4")).score()).isEqualTo(d("8.00"));
            assertThat(score(change, "10", actual("4")).flags()).containsExactly(Flag.SHORT_OF_TARGET);
            assertThat(score(new ScoringRule.LinearDeduction(d("-5"), d("1")), "10", actual("-3")).score())
                    .isEqualTo(d("8.00"));
        }

        @Test
        void explainsTheDeduction() {
            assertThat(score(rule, "10", actual("103")).explanation().formula())
                    .isEqualTo("max(0, 10 − (103 − 100) × 0.1) = 9.70");
            assertThat(score(rule, "10", actual("250")).explanation().formula())
                    .isEqualTo("max(0, 10 − (250 − 100) × 0.1) = 0.00");
        }
    }

    @Nested
    class Qualitative {

        final ScoringRule rule = new ScoringRule.Qualitative();

        ScoreResult pick(String weight, QualitativeBand band, String proposed) {
            return score(rule, weight, ScoringInput.qualitative(band, d(proposed)));
        }

        @ParameterizedTest(name = "{0} {1} of 10 is accepted")
        @CsvSource({"ACHIEVED, 8", "ACHIEVED, 10", "PARTIAL, 6", "PARTIAL, 7.99", "NOT_ACHIEVED, 0", "NOT_ACHIEVED, 5.99"})
        void scoresInsideTheBandAreAccepted(QualitativeBand band, String proposed) {
            assertThat(pick("10", band, proposed).score()).isEqualByComparingTo(proposed);
        }

        @ParameterizedTest(name = "{0} {1} of 10 is rejected")
        @CsvSource({"ACHIEVED, 7.99", "ACHIEVED, 10.01", "PARTIAL, 5.99", "PARTIAL, 8", "NOT_ACHIEVED, 6"})
        void scoresOutsideTheBandAreRejected(QualitativeBand band, String proposed) {
            assertRejected(() -> pick("10", band, proposed), "proposedScore").contains(band.name(), band.label());
        }

        @Test
        void eightyPercentExactlyIsAchievedButNotOneHundredthLess() {
            assertThat(pick("100", QualitativeBand.ACHIEVED, "80").score()).isEqualTo(d("80.00"));
            assertRejected(() -> pick("100", QualitativeBand.ACHIEVED, "79.99"), "proposedScore")
                    .isEqualTo("proposedScore 79.99 is outside the chosen band ACHIEVED (达成) [80, 100] of weight 100");
        }

        @Test
        void sixtyPercentIsPartial() {
            assertThat(pick("100", QualitativeBand.PARTIAL, "60").score()).isEqualTo(d("60.00"));
            assertRejected(() -> pick("100", QualitativeBand.NOT_ACHIEVED, "60"), "proposedScore")
                    .contains("NOT_ACHIEVED (未达成) [0, 60)");
        }

        @Test
        void aScoreThatRoundsOutOfItsBandIsRejected() {
            assertRejected(() -> pick("10", QualitativeBand.PARTIAL, "7.996"), "proposedScore")
                    .isEqualTo(
                            "proposedScore 7.996 rounds to 8.00, outside the chosen band PARTIAL (部分达成) [6, 8) of weight 10");
        }

        @Test
        void customBandsApply() {
            ScoringRule strict = new ScoringRule.Qualitative(d("0.9"), d("0.7"));

            assertThat(score(strict, "10", ScoringInput.qualitative(QualitativeBand.ACHIEVED, d("9"))).score())
                    .isEqualTo(d("9.00"));
            assertRejected(() -> score(strict, "10", ScoringInput.qualitative(QualitativeBand.ACHIEVED, d("8.5"))),
                    "proposedScore").contains("[9, 10]");
        }

        @Test
        void bandAndScoreAreRequired() {
            assertRejected(() -> score(rule, "10", ScoringInput.qualitative(null, d("8"))), "band");
            assertRejected(() -> score(rule, "10", ScoringInput.qualitative(QualitativeBand.ACHIEVED, null)), "proposedScore");
        }

        @Test
        void invalidBandBoundsAreRejected() {
            assertRejected(() -> new ScoringRule.Qualitative(d("0.6"), d("0.8")), "partialMin");
            assertRejected(() -> new ScoringRule.Qualitative(d("1.2"), null), "achievedMin");
        }

        @Test
        void explainsTheBand() {
            assertThat(pick("10", QualitativeBand.ACHIEVED, "8.5").explanation().formula())
                    .isEqualTo("8.5 (proposed, in band ACHIEVED (达成) [8, 10]) = 8.50");
        }
    }

    @Nested
    class YesNo {

        final ScoringRule rule = new ScoringRule.YesNo();

        @Test
        void yesScoresFullMarks() {
            assertThat(score(rule, "2", ScoringInput.answeredYes()).score()).isEqualTo(d("2.00"));
        }

        @Test
        void noScoresTheJustifiedProposal() {
            ScoreResult result = score(rule, "3", ScoringInput.answeredNo(d("2"), "合同延期盖章"));

            assertThat(result.score()).isEqualTo(d("2.00"));
            assertThat(result.explanation().inputs()).contains(entry("yes", false), entry("justification", "合同延期盖章"));
            assertThat(score(rule, "3", ScoringInput.answeredNo(d("0"), "未建立制度")).score()).isEqualTo(d("0.00"));
        }

        @Test
        void noWithFullMarksOrWithoutJustificationIsRejected() {
            assertRejected(() -> score(rule, "3", ScoringInput.answeredNo(d("3"), "why")), "proposedScore").contains("[0, 3)");
            assertRejected(() -> score(rule, "3", ScoringInput.answeredNo(d("2.999"), "why")), "proposedScore")
                    .contains("rounds to 3.00");
            assertRejected(() -> score(rule, "3", ScoringInput.answeredNo(d("2"), " ")), "justification");
            assertRejected(() -> score(rule, "3", ScoringInput.answeredNo(null, "why")), "proposedScore");
        }

        @Test
        void theAnswerIsRequired() {
            assertRejected(() -> score(rule, "3", ScoringInput.manual(d("2"), "why")), "yes");
        }
    }

    @Nested
    class BudgetLinked {

        final ScoringRule rule = new ScoringRule.BudgetLinked();
        final ScoringRule controlRate = new ScoringRule.BudgetLinked("publicFundsControlRate", Direction.AT_MOST,
                d("100"), null, null);

        @Test
        void executionRateOf93PercentScores930Of10() {
            ScoreResult result = score(rule, "10", actual("93.00"));

            assertThat(result.score()).isEqualTo(d("9.30"));
            assertThat(result.explanation().formula()).isEqualTo("10 × min(93 ÷ 100, 1) = 9.30");
            assertThat(result.explanation().parameters()).containsExactly(entry("metric", "EXECUTION_RATE"),
                    entry("direction", ">="), entry("targetPercent", d("100")));
            assertThat(result.flags()).containsExactly(Flag.SHORT_OF_TARGET);
        }

        @Test
        void theScoreFollowsTheRateAsShown() {
            // 932.45 of 1,000 shows 93.25 % (half-up): 10 × 93.25 ÷ 100 = 9.325 → 9.33, not 9.3245 → 9.32
            ScoreResult result = score(rule, "10", actual("93.25"));

            assertThat(result.score()).isEqualTo(d("9.33"));
            assertThat(result.explanation().notes()).anySatisfy(n -> assertThat(n).startsWith(
                    "scored from the rate as shown: 93.25 %"));
            // a more precise actual is scored as it is shown
            ScoreResult exact = score(rule, "10", actual("93.245"));
            assertThat(exact.score()).isEqualTo(d("9.33"));
            assertThat(exact.explanation().formula()).isEqualTo("10 × min(93.25 ÷ 100, 1) = 9.325 → 9.33");
        }

        @Test
        void aboveTheTargetIsCapped() {
            assertThat(score(rule, "10", actual("105")).score()).isEqualTo(d("10.00"));
            assertThat(score(rule, "10", actual("105")).flags()).isEmpty();
        }

        @Test
        void theTargetPercentIsAParameter() {
            assertThat(score(new ScoringRule.BudgetLinked("EXECUTION_RATE", d("90")), "10", actual("81")).score())
                    .isEqualTo(d("9.00"));
        }

        @Test
        void aControlRateAtOrBelowItsTargetEarnsFullMarks() {
            // 公用经费控制率 95 % against ≤ 100 %: full marks (not 0.95 of the weight)
            ScoreResult result = score(controlRate, "10", actual("95"));

            assertThat(result.score()).isEqualTo(d("10.00"));
            assertThat(result.flags()).isEmpty();
            assertThat(score(controlRate, "10", actual("100")).score()).isEqualTo(d("10.00"));
        }

        @Test
        void aControlRateAboveItsTargetScoresByTheReverseFormula() {
            ScoreResult over = score(controlRate, "10", actual("125"));

            assertThat(over.score()).isEqualTo(d("8.00"));
            assertThat(over.explanation().formula()).isEqualTo("10 × min(100 ÷ 125, 1) = 8.00");
            assertThat(over.flags()).containsExactly(Flag.SHORT_OF_TARGET);
            ScoringRule linearToDouble = new ScoringRule.BudgetLinked("publicFundsControlRate", Direction.AT_MOST,
                    d("100"), ReverseFormula.LINEAR_TO_DOUBLE, null);
            assertThat(score(linearToDouble, "10", actual("125")).score()).isEqualTo(d("7.50"));
        }

        @Test
        void orByALinearDeductionPerPercentagePoint() {
            // 增城 GL71: ≤ 100 %, minus 0.1 point per percentage point above
            ScoringRule gl71 = new ScoringRule.BudgetLinked("publicFundsControlRate", Direction.AT_MOST, d("100"), null,
                    d("0.1"));

            assertThat(score(gl71, "2", actual("93.68")).score()).isEqualTo(d("2.00"));
            assertThat(score(gl71, "2", actual("105")).score()).isEqualTo(d("1.50"));
            assertThat(score(gl71, "2", actual("140")).score()).isEqualTo(d("0.00"));
        }

        @Test
        void aNegativeChangeRateScores() {
            // 三公经费变动率 ≤ 0 from budget.events: −16.67 % is a cut, full marks
            ScoringRule change = new ScoringRule.BudgetLinked("threePublic.changeRate", Direction.AT_MOST, d("0"), null,
                    null);

            assertThat(score(change, "5", actual("-16.67")).score()).isEqualTo(d("5.00"));
            assertThat(score(change, "5", actual("12.5")).score()).isEqualTo(d("0.00"));
            ScoringRule growth = new ScoringRule.BudgetLinked("threePublic.changeRate", Direction.AT_MOST, d("-10"),
                    null, d("0.5"));
            assertThat(score(growth, "5", actual("-12.3")).score()).isEqualTo(d("5.00"));
            assertThat(score(growth, "5", actual("-8")).score()).isEqualTo(d("4.00"));
            assertThat(score(rule, "10", actual("-3")).score()).isEqualTo(d("0.00"));
        }

        @Test
        void anInputTargetIsIgnoredWithANote() {
            ScoreResult result = score(rule, "10", measured("50", "93"));

            assertThat(result.score()).isEqualTo(d("9.30"));
            assertThat(result.explanation().notes()).anySatisfy(n -> assertThat(n).contains("ignored"));
        }

        @Test
        void theRateIsRequiredAndUndefinedTargetsAreRejected() {
            assertRejected(() -> score(rule, "10", ScoringInput.actual(null)), "actual");
            assertRejected(() -> new ScoringRule.BudgetLinked(null, d("0")), "targetPercent").contains("positive");
            assertRejected(() -> new ScoringRule.BudgetLinked(null, Direction.AT_MOST, d("-1"), null, null),
                    "targetPercent").contains("negative");
            assertRejected(() -> new ScoringRule.BudgetLinked(null, Direction.AT_LEAST, null, ReverseFormula.LINEAR_TO_DOUBLE,
                    null), "formula");
            assertRejected(() -> new ScoringRule.BudgetLinked(null, Direction.EQUAL, null, null, null), "direction");
            assertRejected(() -> new ScoringRule.BudgetLinked("threePublic..controlRate", null), "metric");
        }
    }

    @Nested
    class Manual {

        final ScoringRule rule = new ScoringRule.Manual();

        @Test
        void scoresTheJustifiedProposal() {
            ScoreResult result = score(rule, "10", ScoringInput.manual(d("7.5"), "专家评审"));

            assertThat(result.score()).isEqualTo(d("7.50"));
            assertThat(result.explanation().formula()).isEqualTo("7.5 (manual) = 7.50");
            assertThat(score(rule, "10", ScoringInput.manual(d("10"), "满分")).score()).isEqualTo(d("10.00"));
            assertThat(score(rule, "10", ScoringInput.manual(d("0"), "未开展")).score()).isEqualTo(d("0.00"));
        }

        @Test
        void outOfRangeOrUnjustifiedIsRejected() {
            assertRejected(() -> score(rule, "10", ScoringInput.manual(d("10.01"), "why")), "proposedScore")
                    .contains("[0, 10]");
            assertRejected(() -> score(rule, "10", ScoringInput.manual(d("-1"), "why")), "proposedScore").contains("negative");
            assertRejected(() -> score(rule, "10", ScoringInput.manual(d("5"), null)), "justification");
        }

        @Test
        void belowTheWeightIsShortOfTheTarget() {
            assertThat(score(rule, "10", ScoringInput.manual(d("9.999"), "专家评审")).flags())
                    .containsExactly(Flag.SHORT_OF_TARGET);
            assertThat(score(rule, "10", ScoringInput.manual(d("10"), "满分")).flags()).isEmpty();
        }
    }

    @Nested
    class Explanations {

        @Test
        void carryRuleParametersInputsAndVersion() {
            ScoringRule rule = new ScoringRule.Equal(d("0.05"), ToleranceMode.RELATIVE);
            ScoreResult result = Scorer.score(rule, d("10"), measured("100", "90"), null, "zengcheng-2022.1");

            Explanation explanation = result.explanation();
            assertThat(explanation.ruleType()).isEqualTo(RuleType.EQUAL);
            assertThat(explanation.parameters()).containsExactly(entry("tolerance", d("0.05")),
                    entry("toleranceMode", "RELATIVE"));
            assertThat(explanation.inputs()).containsExactly(entry("weight", d("10")), entry("target", d("100")),
                    entry("actual", d("90")));
            assertThat(explanation.formula()).isEqualTo("10 × max(0, 1 − |90 − 100| ÷ 100) = 9.00");
            assertThat(explanation.rawScore()).isEqualByComparingTo("9");
            assertThat(explanation.score()).isEqualTo(d("9.00"));
            assertThat(explanation.ruleSetVersion()).isEqualTo("zengcheng-2022.1");
        }

        @Test
        void weightAndVersionAreRequired() {
            ScoringRule rule = new ScoringRule.RatioPositive();
            assertRejected(() -> Scorer.score(rule, d("0"), measured("1", "1"), VERSION), "weight");
            assertRejected(() -> Scorer.score(rule, d("-5"), measured("1", "1"), VERSION), "weight");
            assertRejected(() -> Scorer.score(rule, null, measured("1", "1"), VERSION), "weight");
            assertRejected(() -> Scorer.score(rule, d("10"), measured("1", "1"), " "), "ruleSetVersion");
            assertRejected(() -> Scorer.score(null, d("10"), measured("1", "1"), VERSION), "rule");
            assertRejected(() -> Scorer.score(rule, d("10"), null, VERSION), "input");
        }
    }
}
