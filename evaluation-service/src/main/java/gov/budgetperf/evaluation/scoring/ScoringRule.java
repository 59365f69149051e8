package gov.budgetperf.evaluation.scoring;

import java.math.BigDecimal;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import gov.budgetperf.common.openapi.NullableReferences;

/**
 * A scoring rule of a rule set: its type and its parameters (DESIGN §4 "Scoring rules"). Stored as JSON with the type
 * in {@code "type"}, e.g. {@code {"type":"THRESHOLD_STEPS","threshold":95,"step":2,"deductionFraction":0.2}}; a
 * parameter that has a default may be left out. Invalid parameters are rejected when the rule is built (a
 * {@link ScoringException} naming the parameter; Jackson wraps it in a {@code ValueInstantiationException}).
 * <p>
 * The arithmetic is in {@link Scorer}; a rule only holds and checks its parameters.
 * <p>
 * The OpenAPI document publishes one schema per type ({@code ThresholdStepsRule}, …), each declaring its {@code "type"}
 * value, and {@code ScoringRule} as their {@code oneOf} with {@code "type"} as the discriminator. A rule is sent back
 * as it was written (rule sets and indicators keep the document, not this record), so a parameter that has a default
 * may also come back absent or null. The schema admits null too ({@code oneOf} has a {@code null} branch, see
 * {@link NullableReferences}): inner nodes of a tree and inner indicators carry {@code "rule": null}, and a client
 * generated from the document must read it.
 */
@Schema(name = "ScoringRule", description = "A scoring rule: its type in \"type\" and its parameters; null where an indicator has none (an inner node; a department's own indicator always has one)", extensions = @Extension(name = NullableReferences.EXTENSION, value = "true"), oneOf = {
        ScoringRule.RatioPositive.class, ScoringRule.RatioReverse.class, ScoringRule.Equal.class,
        ScoringRule.ThresholdSteps.class, ScoringRule.LinearDeduction.class, ScoringRule.Qualitative.class,
        ScoringRule.YesNo.class, ScoringRule.BudgetLinked.class,
        ScoringRule.Manual.class}, discriminatorProperty = "type", discriminatorMapping = {
                @DiscriminatorMapping(value = "RATIO_POSITIVE", schema = ScoringRule.RatioPositive.class),
                @DiscriminatorMapping(value = "RATIO_REVERSE", schema = ScoringRule.RatioReverse.class),
                @DiscriminatorMapping(value = "EQUAL", schema = ScoringRule.Equal.class),
                @DiscriminatorMapping(value = "THRESHOLD_STEPS", schema = ScoringRule.ThresholdSteps.class),
                @DiscriminatorMapping(value = "LINEAR_DEDUCTION", schema = ScoringRule.LinearDeduction.class),
                @DiscriminatorMapping(value = "QUALITATIVE", schema = ScoringRule.Qualitative.class),
                @DiscriminatorMapping(value = "YES_NO", schema = ScoringRule.YesNo.class),
                @DiscriminatorMapping(value = "BUDGET_LINKED", schema = ScoringRule.BudgetLinked.class),
                @DiscriminatorMapping(value = "MANUAL", schema = ScoringRule.Manual.class)})
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ScoringRule.RatioPositive.class, name = "RATIO_POSITIVE"),
        @JsonSubTypes.Type(value = ScoringRule.RatioReverse.class, name = "RATIO_REVERSE"),
        @JsonSubTypes.Type(value = ScoringRule.Equal.class, name = "EQUAL"),
        @JsonSubTypes.Type(value = ScoringRule.ThresholdSteps.class, name = "THRESHOLD_STEPS"),
        @JsonSubTypes.Type(value = ScoringRule.LinearDeduction.class, name = "LINEAR_DEDUCTION"),
        @JsonSubTypes.Type(value = ScoringRule.Qualitative.class, name = "QUALITATIVE"),
        @JsonSubTypes.Type(value = ScoringRule.YesNo.class, name = "YES_NO"),
        @JsonSubTypes.Type(value = ScoringRule.BudgetLinked.class, name = "BUDGET_LINKED"),
        @JsonSubTypes.Type(value = ScoringRule.Manual.class, name = "MANUAL")
})
public sealed interface ScoringRule {

    /** The type of this rule (the {@code "type"} value in JSON). */
    RuleType ruleType();

    /** The parameters of this rule, by name, as they appear in an {@link Explanation}. */
    Map<String, Object> parameters();

    /**
     * The direction in which this rule compares the actual with its target, or null for the rules that compare none
     * (qualitative, yes/no, manual). An indicator with another direction contradicts its rule.
     */
    default Direction scoredDirection() {
        return null;
    }

    /**
     * Ratio, positive (≥): weight × min(actual ÷ target, 1). The target must be positive (a ratio against a zero or
     * negative target means nothing); the actual may be negative and then scores 0.
     */
    @Schema(name = "RatioPositiveRule", description = "Ratio, positive (>=): weight × min(actual ÷ target, 1)", requiredProperties = {
            "type"}, properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "RATIO_POSITIVE"))
    record RatioPositive() implements ScoringRule {

        @Override
        public RuleType ruleType() {
            return RuleType.RATIO_POSITIVE;
        }

        @Override
        public Direction scoredDirection() {
            return Direction.AT_LEAST;
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of();
        }
    }

    /**
     * Ratio, reverse (≤), with one of the two formulas of {@link ReverseFormula} (default
     * {@link ReverseFormula#TARGET_OVER_ACTUAL}). An actual at or below the target gets full marks whatever its sign
     * (a change rate of −12.30 % against ≤ 0 is a cut); the target must not be negative (the formulas divide by it or
     * by the actual above it).
     */
    @Schema(name = "RatioReverseRule", description = "Ratio, reverse (<=): full marks at or below the target, above it the formula", requiredProperties = {
            "type"}, properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "RATIO_REVERSE"))
    record RatioReverse(
            @Schema(description = "TARGET_OVER_ACTUAL when absent or null", nullable = true) ReverseFormula formula)
            implements
                ScoringRule {

        public RatioReverse {
            formula = formula == null ? ReverseFormula.TARGET_OVER_ACTUAL : formula;
        }

        public RatioReverse() {
            this(null);
        }

        @Override
        public RuleType ruleType() {
            return RuleType.RATIO_REVERSE;
        }

        @Override
        public Direction scoredDirection() {
            return Direction.AT_MOST;
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("formula", formula.name());
        }
    }

    /**
     * Equal (=): full marks when |actual − target| is within the tolerance, otherwise weight × max(0, 1 − |actual −
     * target| ÷ |target|). The tolerance (default 0) is read per {@link ToleranceMode} (default
     * {@link ToleranceMode#RELATIVE}, i.e. a fraction of |target|). The target may be negative but not 0 (the
     * deviation is relative to it).
     */
    @Schema(name = "EqualRule", description = "Equal (=): full marks within the tolerance, otherwise weight × max(0, 1 − |actual − target| ÷ |target|)", requiredProperties = {
            "type"}, properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "EQUAL"))
    record Equal(
            @Schema(description = "Not negative; 0 when absent or null", minimum = "0", nullable = true) BigDecimal tolerance,
            @Schema(description = "RELATIVE (a fraction of |target|) when absent or null", nullable = true) ToleranceMode toleranceMode)
            implements
                ScoringRule {

        public Equal {
            tolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
            toleranceMode = toleranceMode == null ? ToleranceMode.RELATIVE : toleranceMode;
            Checks.requireNotNegative("tolerance", tolerance);
        }

        public Equal() {
            this(null, null);
        }

        @Override
        public RuleType ruleType() {
            return RuleType.EQUAL;
        }

        @Override
        public Direction scoredDirection() {
            return Direction.EQUAL;
        }

        @Override
        public Map<String, Object> parameters() {
            return Checks.params("tolerance", tolerance, "toleranceMode", toleranceMode.name());
        }
    }

    /**
     * Threshold with step deductions: full marks when actual ≥ threshold; below it, steps = floor (or, with
     * {@code countPartialSteps}, ceil) of (threshold − actual) ÷ step, and the score is weight × max(0, 1 − steps ×
     * deductionFraction). Example "≥ 95% full; each 2 points short deducts 20% of the weight": threshold 95, step 2,
     * deductionFraction 0.2. The three numbers are required; {@code countPartialSteps} defaults to false.
     */
    @Schema(name = "ThresholdStepsRule", description = "Threshold with step deductions: full marks at or above the threshold; each step short of it deducts deductionFraction of the weight", requiredProperties = {
            "type", "threshold", "step",
            "deductionFraction"}, properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "THRESHOLD_STEPS"))
    record ThresholdSteps(@Schema(examples = "95") BigDecimal threshold,
            @Schema(description = "Positive", examples = "2", exclusiveMinimum = true, minimum = "0") BigDecimal step,
            @Schema(description = "Share of the weight each step deducts, in [0, 1]", examples = "0.2", minimum = "0", maximum = "1") BigDecimal deductionFraction,
            @Schema(description = "Count a partial step as a whole one (ceil instead of floor); false when absent or null", nullable = true) boolean countPartialSteps)
            implements
                ScoringRule {

        public ThresholdSteps {
            Checks.require("threshold", threshold); // any sign: a growth rate may have to be at least −5
            Checks.requirePositive("step", Checks.require("step", step));
            Checks.requireFraction("deductionFraction", Checks.require("deductionFraction", deductionFraction));
        }

        public ThresholdSteps(BigDecimal threshold, BigDecimal step, BigDecimal deductionFraction) {
            this(threshold, step, deductionFraction, false);
        }

        @Override
        public RuleType ruleType() {
            return RuleType.THRESHOLD_STEPS;
        }

        @Override
        public Direction scoredDirection() {
            return Direction.AT_LEAST;
        }

        @Override
        public Map<String, Object> parameters() {
            return Checks.params("threshold", threshold, "step", step, "deductionFraction", deductionFraction,
                    "countPartialSteps", countPartialSteps);
        }
    }

    /**
     * Linear deduction per unit beyond a limit: full marks when actual ≤ limit; above it, max(0, weight − (actual −
     * limit) × perUnit), where perUnit is in points of score per unit of the actual value. Example "≤ 100% full, minus
     * 0.1 point per percentage point above": limit 100, perUnit 0.1. Both are required.
     */
    @Schema(name = "LinearDeductionRule", description = "Linear deduction: full marks at or below the limit; above it weight − (actual − limit) × perUnit, at least 0", requiredProperties = {
            "type", "limit",
            "perUnit"}, properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "LINEAR_DEDUCTION"))
    record LinearDeduction(@Schema(examples = "100") BigDecimal limit,
            @Schema(description = "Points of score deducted per unit above the limit; positive", examples = "0.1", exclusiveMinimum = true, minimum = "0") BigDecimal perUnit)
            implements
                ScoringRule {

        public LinearDeduction {
            Checks.require("limit", limit); // any sign: a change rate may have to stay at or below 0
            Checks.requirePositive("perUnit", Checks.require("perUnit", perUnit));
        }

        @Override
        public RuleType ruleType() {
            return RuleType.LINEAR_DEDUCTION;
        }

        @Override
        public Direction scoredDirection() {
            return Direction.AT_MOST;
        }

        @Override
        public Map<String, Object> parameters() {
            return Checks.params("limit", limit, "perUnit", perUnit);
        }
    }

    /**
     * Qualitative bands, as fractions of the weight: 达成 [achievedMin, 1], 部分达成 [partialMin, achievedMin), 未达成
     * [0, partialMin). Defaults 0.80 and 0.60. The evaluator picks a band and proposes a score inside it.
     */
    @Schema(name = "QualitativeRule", description = "Qualitative bands 达成 [achievedMin, 1], 部分达成 [partialMin, achievedMin), 未达成 [0, partialMin) of the weight; the evaluator proposes a score in the band", requiredProperties = {
            "type"}, properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "QUALITATIVE"))
    record Qualitative(
            @Schema(description = "Lowest share of the weight for 达成; 0.80 when absent or null", minimum = "0", maximum = "1", nullable = true) BigDecimal achievedMin,
            @Schema(description = "Lowest share of the weight for 部分达成, below achievedMin; 0.60 when absent or null", minimum = "0", maximum = "1", nullable = true) BigDecimal partialMin)
            implements
                ScoringRule {

        static final BigDecimal DEFAULT_ACHIEVED_MIN = new BigDecimal("0.80");
        static final BigDecimal DEFAULT_PARTIAL_MIN = new BigDecimal("0.60");

        public Qualitative {
            achievedMin = achievedMin == null ? DEFAULT_ACHIEVED_MIN : achievedMin;
            partialMin = partialMin == null ? DEFAULT_PARTIAL_MIN : partialMin;
            Checks.requireFraction("achievedMin", achievedMin);
            Checks.requireFraction("partialMin", partialMin);
            if (partialMin.signum() <= 0 || partialMin.compareTo(achievedMin) >= 0) {
                throw new ScoringException("partialMin", "partialMin must lie strictly between 0 and achievedMin ("
                        + Num.fmt(achievedMin) + "), was " + Num.fmt(partialMin));
            }
        }

        public Qualitative() {
            this(null, null);
        }

        /** The scores allowed in a band for a given weight. */
        public Range range(QualitativeBand band, BigDecimal weight) {
            return switch (band) {
                case ACHIEVED -> new Range(band, weight.multiply(achievedMin), weight, true);
                case PARTIAL -> new Range(band, weight.multiply(partialMin), weight.multiply(achievedMin), false);
                case NOT_ACHIEVED -> new Range(band, BigDecimal.ZERO, weight.multiply(partialMin), false);
            };
        }

        @Override
        public RuleType ruleType() {
            return RuleType.QUALITATIVE;
        }

        @Override
        public Map<String, Object> parameters() {
            return Checks.params("achievedMin", achievedMin, "partialMin", partialMin);
        }

        /** The scores of a band: [min, max] or [min, max). */
        public record Range(QualitativeBand band, BigDecimal min, BigDecimal max, boolean maxInclusive) {

            public boolean contains(BigDecimal score) {
                int upper = score.compareTo(max);
                return score.compareTo(min) >= 0 && (maxInclusive ? upper <= 0 : upper < 0);
            }

            @Override
            public String toString() {
                return band.name() + " (" + band.label() + ") [" + Num.fmt(min) + ", " + Num.fmt(max)
                        + (maxInclusive ? "]" : ")");
            }
        }
    }

    /**
     * Yes/no with discretionary deduction (有则得满分，否则酌情减分): yes gets full marks; no gets the proposed score,
     * which must lie in [0, weight) and come with a justification.
     */
    @Schema(name = "YesNoRule", description = "Yes/no: yes gets full marks; no gets the proposed score, with a justification", requiredProperties = {
            "type"}, properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "YES_NO"))
    record YesNo() implements ScoringRule {

        @Override
        public RuleType ruleType() {
            return RuleType.YES_NO;
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of();
        }
    }

    /**
     * Budget-linked: the actual value is a rate of the subject's budget figures, {@link #metric} (a {@link MetricPath},
     * default {@code EXECUTION_RATE}), in percent as budget-service shows it (93.25, half-up to two decimals), and the
     * score follows the indicator's {@link #direction} against {@link #targetPercent} (a percent, default 100):
     * <ul>
     * <li>≥ (default): weight × min(actual ÷ target, 1), so 93.25 % of ≥ 100 % gives 9.33 of 10; the target must be
     * positive;</li>
     * <li>≤: full marks at or below the target; above it the reverse rule, {@link #formula} as for RATIO_REVERSE
     * (default TARGET_OVER_ACTUAL; the target must not be negative), or with {@link #perUnit} the linear deduction
     * max(0, weight − (actual − target) × perUnit) as for LINEAR_DEDUCTION (any target, e.g. 0 for a change rate).</li>
     * </ul>
     * Version-1 rule sets wrote the target as a ratio, {@code "target": 1}; it is still read, as 100 %, so that published
     * rules keep their meaning. New rules give {@code targetPercent} (the rule-set validator refuses {@code target}).
     */
    @Schema(name = "BudgetLinkedRule", description = "Budget-linked: the actual is a rate of the subject's budget figures (percent), scored against targetPercent in the direction", requiredProperties = {
            "type"}, properties = {
                    @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "BUDGET_LINKED"),
                    @SchemaProperty(name = "target", type = SchemaType.NUMBER, deprecated = true, description = "The target as a ratio (1 = 100 %), as version-1 rule sets wrote it; read as targetPercent, refused in new rule sets")})
    record BudgetLinked(
            @Schema(description = "The rate, as budget-service names it (EXECUTION_RATE, PROJECT_EXECUTION_RATE, …); EXECUTION_RATE when absent, null or blank", examples = "EXECUTION_RATE", nullable = true) String metric,
            @Schema(implementation = String.class, description = "Direction of the target, >= or <= (≥ and ≤ are read too); >= when absent or null", examples = ">=", nullable = true) Direction direction,
            @Schema(description = "Target in percent; 100 when absent or null", examples = "100", nullable = true) BigDecimal targetPercent,
            @Schema(description = "Reverse formula for <= (TARGET_OVER_ACTUAL when neither it nor perUnit is given)", nullable = true) ReverseFormula formula,
            @Schema(description = "For <=: a linear deduction of perUnit points per percentage point above the target instead of a formula", exclusiveMinimum = true, minimum = "0", nullable = true) BigDecimal perUnit)
            implements
                ScoringRule {

        public static final String EXECUTION_RATE = "EXECUTION_RATE";
        static final BigDecimal DEFAULT_TARGET_PERCENT = BigDecimal.valueOf(100);

        public BudgetLinked {
            metric = metric == null || metric.isBlank() ? EXECUTION_RATE : metric;
            MetricPath.parse(metric);
            direction = direction == null ? Direction.AT_LEAST : direction;
            targetPercent = targetPercent == null ? DEFAULT_TARGET_PERCENT : targetPercent;
            switch (direction) {
                case AT_LEAST -> {
                    if (formula != null || perUnit != null) {
                        throw new ScoringException(formula != null ? "formula" : "perUnit",
                                "formula and perUnit apply to a budget-linked indicator with direction <= only");
                    }
                    if (targetPercent.signum() <= 0) {
                        throw new ScoringException("targetPercent", "targetPercent must be positive for direction >= "
                                + "(the score is weight × actual ÷ target), was " + Num.fmt(targetPercent));
                    }
                }
                case AT_MOST -> {
                    if (perUnit != null) {
                        if (formula != null) {
                            throw new ScoringException("perUnit", "give either formula or perUnit, not both");
                        }
                        Checks.requirePositive("perUnit", perUnit);
                    } else {
                        formula = formula == null ? ReverseFormula.TARGET_OVER_ACTUAL : formula;
                        if (targetPercent.signum() < 0) {
                            throw new ScoringException("targetPercent", "targetPercent must not be negative with formula "
                                    + formula + " (the reverse ratio has no meaning against a negative target; give "
                                    + "perUnit for a linear deduction), was " + Num.fmt(targetPercent));
                        }
                    }
                }
                case EQUAL -> throw new ScoringException("direction", "a budget-linked indicator is >= or <=");
            }
        }

        /** ≥ target percent, the given metric. */
        public BudgetLinked(String metric, BigDecimal targetPercent) {
            this(metric, Direction.AT_LEAST, targetPercent, null, null);
        }

        public BudgetLinked() {
            this(null, null);
        }

        /**
         * Reads a rule document: {@code targetPercent}, or the ratio {@code target} of version-1 rule sets (× 100).
         */
        @JsonCreator
        static BudgetLinked fromJson(@JsonProperty("metric") String metric, @JsonProperty("direction") Direction direction,
                @JsonProperty("targetPercent") BigDecimal targetPercent, @JsonProperty("formula") ReverseFormula formula,
                @JsonProperty("perUnit") BigDecimal perUnit, @JsonProperty(LEGACY_TARGET) BigDecimal target) {
            if (target != null && targetPercent != null) {
                throw new ScoringException("target", "give targetPercent only (target is the ratio of version-1 rules)");
            }
            return new BudgetLinked(metric, direction, target != null ? target.movePointRight(2) : targetPercent, formula,
                    perUnit);
        }

        /** The name under which version-1 rule sets wrote the target, as a ratio. */
        public static final String LEGACY_TARGET = "target";

        /** The metric as a path. */
        public MetricPath path() {
            return MetricPath.parse(metric);
        }

        @Override
        public RuleType ruleType() {
            return RuleType.BUDGET_LINKED;
        }

        @Override
        public Direction scoredDirection() {
            return direction;
        }

        @Override
        public Map<String, Object> parameters() {
            return Checks.params("metric", metric, "direction", direction.symbol(), "targetPercent", targetPercent,
                    "formula", formula == null ? null : formula.name(), "perUnit", perUnit);
        }
    }

    /** Manual: a proposed score in [0, weight] with a justification. */
    @Schema(name = "ManualRule", description = "Manual: a proposed score in [0, weight] with a justification", requiredProperties = {
            "type"}, properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "MANUAL"))
    record Manual() implements ScoringRule {

        @Override
        public RuleType ruleType() {
            return RuleType.MANUAL;
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of();
        }
    }
}
