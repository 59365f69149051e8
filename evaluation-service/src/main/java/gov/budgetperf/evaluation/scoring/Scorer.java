package gov.budgetperf.evaluation.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores one indicator by its rule (DESIGN §4). Pure and stateless: no I/O, no clock, {@link BigDecimal} throughout.
 * <p>
 * Every score is clamped to [0, weight] and rounded half-up to two decimals; the unrounded value stays in the
 * {@link Explanation}. Targets and actuals may be negative wherever the rule's formula is defined for them (DESIGN §4
 * "Scoring rules": a change rate of −12.30 % against ≤ 0 is a cut, full marks); where it is not (a ratio against a
 * negative target), and for any other bad input (a missing number, a zero target that would be divided by, a proposed
 * score outside its range, a missing justification), a {@link ScoringException} names the field and the reason.
 * <p>
 * A score whose actual is short of its target in the rule's direction carries {@link Flag#SHORT_OF_TARGET}.
 */
public final class Scorer {

    private Scorer() {
    }

    /** Scores with the over-achievement policy off. */
    public static ScoreResult score(ScoringRule rule, BigDecimal weight, ScoringInput input, String ruleSetVersion) {
        return score(rule, weight, input, OverachievementPolicy.off(), ruleSetVersion);
    }

    /**
     * Scores one indicator.
     *
     * @param rule the indicator's rule
     * @param weight the indicator's weight (分值), positive
     * @param input the evaluator's input
     * @param policy what to do with an actual far beyond its target; null means {@link OverachievementPolicy#off()}
     * @param ruleSetVersion the version of the rule set the rule comes from, recorded in the explanation
     * @throws ScoringException when an input or the proposed score cannot be accepted
     */
    public static ScoreResult score(ScoringRule rule, BigDecimal weight, ScoringInput input, OverachievementPolicy policy,
            String ruleSetVersion) {
        Checks.require("rule", rule);
        Checks.requirePositive("weight", Checks.require("weight", weight));
        Checks.require("input", input);
        Checks.requireText("ruleSetVersion", ruleSetVersion, "(every explanation names its rule-set version)");
        Checks.requireNotNegative("proposedScore", input.proposedScore());

        Calculation calc = new Calculation(weight, input);
        if (rule instanceof ScoringRule.RatioPositive) {
            ratioPositive(calc);
            calc.overachievement(policy, input.target());
        } else if (rule instanceof ScoringRule.RatioReverse reverse) {
            ratioReverse(reverse, calc);
        } else if (rule instanceof ScoringRule.Equal equal) {
            equal(equal, calc);
        } else if (rule instanceof ScoringRule.ThresholdSteps steps) {
            thresholdSteps(steps, calc);
            BigDecimal target = input.target();
            calc.overachievement(policy, target != null && target.signum() > 0 ? target : steps.threshold());
        } else if (rule instanceof ScoringRule.LinearDeduction linear) {
            linearDeduction(linear, calc);
        } else if (rule instanceof ScoringRule.Qualitative qualitative) {
            qualitative(qualitative, calc);
        } else if (rule instanceof ScoringRule.YesNo) {
            yesNo(calc);
        } else if (rule instanceof ScoringRule.BudgetLinked budget) {
            budgetLinked(budget, calc);
        } else if (rule instanceof ScoringRule.Manual) {
            manual(calc);
        } else {
            throw new IllegalStateException("unknown rule " + rule);
        }
        return calc.finish(rule, ruleSetVersion);
    }

    // RATIO_POSITIVE: weight × min(actual ÷ target, 1)
    private static void ratioPositive(Calculation c) {
        BigDecimal target = positiveTarget(c, RuleType.RATIO_POSITIVE);
        BigDecimal actual = actual(c);
        atLeast(c, actual, target);
    }

    /** weight × min(actual ÷ target, 1) for a positive target; a negative actual gives a negative raw score, clamped. */
    private static void atLeast(Calculation c, BigDecimal actual, BigDecimal target) {
        c.base(Num.fmt(c.weight) + " × min(" + Num.fmt(actual) + " ÷ " + Num.fmt(target) + ", 1)",
                cappedRatio(c.weight, actual, target));
        if (actual.compareTo(target) < 0) {
            c.shortOfTarget(Num.fmt(actual) + " < " + Num.fmt(target) + " (≥)");
        }
    }

    /**
     * BUDGET_LINKED: the rate as shown, in percent half-up to two decimals, scored in the rule's direction against its
     * target percent (≥: as RATIO_POSITIVE; ≤: full marks at or below, then the reverse formula or the linear
     * deduction).
     */
    private static void budgetLinked(ScoringRule.BudgetLinked rule, Calculation c) {
        BigDecimal given = actual(c);
        BigDecimal actual = Num.round2(given);
        BigDecimal target = rule.targetPercent();
        if (c.input.target() != null && c.input.target().compareTo(target) != 0) {
            c.note("input target " + Num.fmt(c.input.target()) + " ignored: a budget-linked rule uses its own target "
                    + Num.fmt(target) + " %");
        }
        c.note("scored from the rate as shown: " + actual.toPlainString() + " % (the percent half-up to two decimals"
                + (given.compareTo(actual) != 0 ? ", from " + Num.fmt(given) : "") + "), so that score and rate agree");
        if (rule.direction() == Direction.AT_LEAST) {
            atLeast(c, actual, target);
        } else if (rule.perUnit() != null) {
            linear(c, actual, target, rule.perUnit());
            if (actual.compareTo(target) > 0) {
                c.shortOfTarget(Num.fmt(actual) + " > " + Num.fmt(target) + " (≤)");
            }
        } else {
            reverse(c, rule.formula(), actual, target, "BUDGET_LINKED");
        }
    }

    // weight × min(actual ÷ target, 1), dividing once at the end so that exact results stay exact
    private static BigDecimal cappedRatio(BigDecimal weight, BigDecimal actual, BigDecimal target) {
        return actual.compareTo(target) >= 0 ? weight : Num.div(weight.multiply(actual), target);
    }

    private static void ratioReverse(ScoringRule.RatioReverse rule, Calculation c) {
        BigDecimal target = Checks.require("target", c.input.target());
        reverse(c, rule.formula(), actual(c), target, "RATIO_REVERSE");
    }

    /**
     * ≤ by a reverse formula: full marks at or below the target, whatever the signs; above it TARGET_OVER_ACTUAL gives
     * weight × target ÷ actual and LINEAR_TO_DOUBLE weight × (1 − (actual − target) ÷ target), 0 from twice the
     * target. Both need a target of 0 or more: above a negative target neither ratio means anything.
     */
    private static void reverse(Calculation c, ReverseFormula formula, BigDecimal actual, BigDecimal target,
            String rule) {
        BigDecimal w = c.weight;
        if (target.signum() < 0) {
            throw new ScoringException("target", "target must not be negative for " + rule + " " + formula + " (was "
                    + Num.fmt(target) + "): the formula divides by the target or by the actual above it; for a "
                    + "negative limit use LINEAR_DEDUCTION");
        }
        if (actual.compareTo(target) <= 0) {
            c.base(Num.fmt(w) + " (" + Num.fmt(actual) + " ≤ " + Num.fmt(target) + ": full marks)", w);
            if (actual.signum() <= 0 && formula == ReverseFormula.TARGET_OVER_ACTUAL) {
                c.note("actual is " + Num.fmt(actual) + ", at or below the target: full marks under TARGET_OVER_ACTUAL");
            }
            return;
        }
        c.shortOfTarget(Num.fmt(actual) + " > " + Num.fmt(target) + " (≤)");
        if (formula == ReverseFormula.TARGET_OVER_ACTUAL) {
            // actual > target ≥ 0, so actual > 0
            c.base(Num.fmt(w) + " × min(" + Num.fmt(target) + " ÷ " + Num.fmt(actual) + ", 1)",
                    Num.div(w.multiply(target), actual));
            return;
        }
        BigDecimal twice = target.add(target);
        if (actual.compareTo(twice) >= 0) {
            c.base("0 (" + Num.fmt(actual) + " ≥ 2 × " + Num.fmt(target) + ")", BigDecimal.ZERO);
            if (target.signum() == 0) {
                c.note("target 0 under LINEAR_TO_DOUBLE: 0 gets full marks, anything above it 0");
            }
        } else {
            // weight × (1 − (actual − target) ÷ target) = weight × (2 × target − actual) ÷ target
            c.base(Num.fmt(w) + " × (1 − (" + Num.fmt(actual) + " − " + Num.fmt(target) + ") ÷ " + Num.fmt(target) + ")",
                    Num.div(w.multiply(twice.subtract(actual)), target));
        }
    }

    private static void equal(ScoringRule.Equal rule, Calculation c) {
        BigDecimal w = c.weight;
        BigDecimal target = Checks.require("target", c.input.target());
        if (target.signum() == 0) {
            throw new ScoringException("target", "target must not be 0 for EQUAL (the deviation is relative to it)");
        }
        BigDecimal actual = actual(c);
        BigDecimal scale = target.abs(); // a negative target: the deviation relative to its size
        String scaleText = target.signum() < 0 ? "|" + Num.fmt(target) + "|" : Num.fmt(target);
        BigDecimal deviation = actual.subtract(target).abs();
        boolean relative = rule.toleranceMode() == ToleranceMode.RELATIVE;
        BigDecimal allowed = relative ? rule.tolerance().multiply(scale) : rule.tolerance();
        String deviationText = "|" + Num.fmt(actual) + " − " + Num.fmt(target) + "|";
        if (deviation.compareTo(allowed) <= 0) {
            String tolerance = relative
                    ? Num.fmt(rule.tolerance()) + " × " + scaleText + " = " + Num.fmt(allowed)
                    : Num.fmt(allowed);
            c.base(Num.fmt(w) + " (" + deviationText + " = " + Num.fmt(deviation) + " ≤ tolerance " + tolerance
                    + ": full marks)", w);
        } else {
            // weight × max(0, 1 − deviation ÷ |target|) = weight × max(0, |target| − deviation) ÷ |target|
            BigDecimal remaining = Num.max(BigDecimal.ZERO, scale.subtract(deviation));
            c.base(Num.fmt(w) + " × max(0, 1 − " + deviationText + " ÷ " + scaleText + ")",
                    Num.div(w.multiply(remaining), scale));
            c.shortOfTarget(deviationText + " = " + Num.fmt(deviation) + " > tolerance " + Num.fmt(allowed) + " (=)");
        }
    }

    private static void thresholdSteps(ScoringRule.ThresholdSteps rule, Calculation c) {
        BigDecimal w = c.weight;
        BigDecimal actual = actual(c);
        BigDecimal threshold = rule.threshold();
        // short of the typed target when there is one (指标值), else of the threshold
        BigDecimal reference = c.input.target() != null ? c.input.target() : threshold;
        if (actual.compareTo(reference) < 0) {
            c.shortOfTarget(Num.fmt(actual) + " < " + Num.fmt(reference) + " (≥)");
        }
        if (actual.compareTo(threshold) >= 0) {
            c.base(Num.fmt(w) + " (" + Num.fmt(actual) + " ≥ " + Num.fmt(threshold) + ": full marks)", w);
            return;
        }
        RoundingMode mode = rule.countPartialSteps() ? RoundingMode.CEILING : RoundingMode.FLOOR;
        BigDecimal steps = threshold.subtract(actual).divide(rule.step(), 0, mode);
        BigDecimal kept = Num.max(BigDecimal.ZERO, BigDecimal.ONE.subtract(steps.multiply(rule.deductionFraction())));
        c.base(Num.fmt(w) + " × max(0, 1 − " + (rule.countPartialSteps() ? "ceil" : "floor") + "((" + Num.fmt(threshold)
                + " − " + Num.fmt(actual) + ") ÷ " + Num.fmt(rule.step()) + ") × " + Num.fmt(rule.deductionFraction())
                + ")", w.multiply(kept));
        c.note(steps.toPlainString() + " step(s) of " + Num.fmt(rule.step()) + " short of " + Num.fmt(threshold)
                + (rule.countPartialSteps() ? " (a partial step counts)" : " (a partial step does not count)"));
    }

    private static void linearDeduction(ScoringRule.LinearDeduction rule, Calculation c) {
        BigDecimal actual = actual(c);
        linear(c, actual, rule.limit(), rule.perUnit());
        // short of the typed target when there is one (指标值), else of the limit
        BigDecimal reference = c.input.target() != null ? c.input.target() : rule.limit();
        if (actual.compareTo(reference) > 0) {
            c.shortOfTarget(Num.fmt(actual) + " > " + Num.fmt(reference) + " (≤)");
        }
    }

    /** Full marks at or below the limit, then max(0, weight − (actual − limit) × perUnit); any signs. */
    private static void linear(Calculation c, BigDecimal actual, BigDecimal limit, BigDecimal perUnit) {
        BigDecimal w = c.weight;
        if (actual.compareTo(limit) <= 0) {
            c.base(Num.fmt(w) + " (" + Num.fmt(actual) + " ≤ " + Num.fmt(limit) + ": full marks)", w);
            return;
        }
        BigDecimal deduction = actual.subtract(limit).multiply(perUnit);
        c.base("max(0, " + Num.fmt(w) + " − (" + Num.fmt(actual) + " − " + Num.fmt(limit) + ") × " + Num.fmt(perUnit)
                + ")", Num.max(BigDecimal.ZERO, w.subtract(deduction)));
    }

    private static void qualitative(ScoringRule.Qualitative rule, Calculation c) {
        QualitativeBand band = Checks.require("band", c.input.band());
        BigDecimal proposed = Checks.require("proposedScore", c.input.proposedScore());
        ScoringRule.Qualitative.Range range = rule.range(band, c.weight);
        requireInside(proposed, range::contains, "the chosen band " + range + " of weight " + Num.fmt(c.weight));
        c.base(Num.fmt(proposed) + " (proposed, in band " + range + ")", proposed);
        if (proposed.compareTo(c.weight) < 0) {
            c.shortOfTarget("score " + Num.fmt(proposed) + " < weight " + Num.fmt(c.weight) + " (" + band.label() + ")");
        }
    }

    private static void yesNo(Calculation c) {
        boolean yes = Checks.require("yes", c.input.yes());
        BigDecimal w = c.weight;
        if (yes) {
            c.base(Num.fmt(w) + " (yes: full marks)", w);
            if (c.input.proposedScore() != null) {
                c.note("proposed score ignored: the answer is yes");
            }
            return;
        }
        BigDecimal proposed = Checks.require("proposedScore", c.input.proposedScore());
        requireInside(proposed, s -> s.signum() >= 0 && s.compareTo(w) < 0,
                "[0, " + Num.fmt(w) + ") for a \"no\" (a discretionary deduction from the weight " + Num.fmt(w) + ")");
        Checks.requireText("justification", c.input.justification(), "for a discretionary deduction");
        c.base(Num.fmt(proposed) + " (no: discretionary deduction of " + Num.fmt(w.subtract(proposed)) + ")", proposed);
        c.shortOfTarget("no");
    }

    private static void manual(Calculation c) {
        BigDecimal proposed = Checks.require("proposedScore", c.input.proposedScore());
        BigDecimal w = c.weight;
        requireInside(proposed, s -> s.signum() >= 0 && s.compareTo(w) <= 0, "[0, " + Num.fmt(w) + "] (the weight)");
        Checks.requireText("justification", c.input.justification(), "for a manual score");
        c.base(Num.fmt(proposed) + " (manual)", proposed);
        if (proposed.compareTo(w) < 0) {
            c.shortOfTarget("score " + Num.fmt(proposed) + " < weight " + Num.fmt(w));
        }
    }

    private static BigDecimal actual(Calculation c) {
        return Checks.require("actual", c.input.actual());
    }

    private static BigDecimal positiveTarget(Calculation c, RuleType type) {
        BigDecimal target = Checks.require("target", c.input.target());
        if (target.signum() <= 0) {
            throw new ScoringException("target", "target must be positive for " + type + ", was " + Num.fmt(target)
                    + " (the score is weight × actual ÷ target: a ratio against a zero or negative target means nothing)");
        }
        return target;
    }

    /** Rejects a proposed score that lies outside its range, as given or once rounded to two decimals. */
    private static void requireInside(BigDecimal proposed, Predicate<BigDecimal> range, String what) {
        BigDecimal rounded = Num.round2(proposed);
        if (!range.test(proposed)) {
            throw new ScoringException("proposedScore", "proposedScore " + Num.fmt(proposed) + " is outside " + what);
        }
        if (!range.test(rounded)) {
            throw new ScoringException("proposedScore",
                    "proposedScore " + Num.fmt(proposed) + " rounds to " + rounded.toPlainString() + ", outside " + what);
        }
    }

    /** The state of one calculation: the rule's own result, then the policy, the clamp and the rounding. */
    private static final class Calculation {

        final BigDecimal weight;
        final ScoringInput input;
        final List<String> steps = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Set<Flag> flags = EnumSet.noneOf(Flag.class);
        String expression;
        BigDecimal raw;

        Calculation(BigDecimal weight, ScoringInput input) {
            this.weight = weight;
            this.input = input;
        }

        void base(String expression, BigDecimal raw) {
            this.expression = expression;
            this.raw = raw;
        }

        void note(String note) {
            notes.add(note);
        }

        /** The actual is short of the target in the rule's direction: flagged, and said in the notes. */
        void shortOfTarget(String comparison) {
            flags.add(Flag.SHORT_OF_TARGET);
            note("short of the target (未达标): " + comparison + "; a reason and a measure are due");
        }

        /**
         * Flags r = actual ÷ reference above the bound and, if the policy says so, deducts weight × min(max, (r −
         * bound) ÷ bound), computed as weight × (actual − bound × reference) ÷ (bound × reference).
         */
        void overachievement(OverachievementPolicy policy, BigDecimal reference) {
            if (policy == null || !policy.enabled() || reference == null || reference.signum() <= 0) {
                return;
            }
            BigDecimal actual = input.actual();
            BigDecimal bound = policy.bound();
            BigDecimal boundValue = bound.multiply(reference);
            if (actual.compareTo(boundValue) <= 0) {
                return;
            }
            flags.add(Flag.TARGET_TOO_LOW);
            BigDecimal ratio = Num.div(actual, reference);
            note("target set too low: actual is " + Num.round2(ratio).toPlainString() + " × target " + Num.fmt(reference)
                    + " (above the bound " + Num.fmt(bound) + ")");
            if (!policy.deductByDeviation()) {
                return;
            }
            BigDecimal max = policy.maxDeductionFraction();
            BigDecimal deduction = Num.min(weight.multiply(max),
                    Num.div(weight.multiply(actual.subtract(boundValue)), boundValue));
            steps.add(expression + " = " + Num.fmtRaw(raw));
            steps.add("deduction by deviation (按偏离度调减) " + Num.fmt(weight) + " × min(" + Num.fmt(max) + ", ("
                    + Num.fmt(actual) + " ÷ " + Num.fmt(reference) + " − " + Num.fmt(bound) + ") ÷ " + Num.fmt(bound)
                    + ") = " + Num.fmtRaw(deduction));
            note("deduction by deviation (按偏离度调减): weight × min(maxDeductionFraction, (actual ÷ target − bound) ÷ bound)");
            expression = "max(0, " + Num.fmtRaw(raw) + " − " + Num.fmtRaw(deduction) + ")";
            raw = Num.max(BigDecimal.ZERO, raw.subtract(deduction));
        }

        ScoreResult finish(ScoringRule rule, String ruleSetVersion) {
            if (raw.signum() < 0 || raw.compareTo(weight) > 0) {
                BigDecimal clamped = Num.min(weight, Num.max(BigDecimal.ZERO, raw));
                steps.add(expression + " = " + Num.fmtRaw(raw));
                note("clamped to [0, " + Num.fmt(weight) + "]: " + Num.fmtRaw(raw) + " → " + Num.fmtRaw(clamped));
                expression = "clamp to [0, " + Num.fmt(weight) + "]";
                raw = clamped;
            }
            BigDecimal score = Num.round2(raw);
            String result = raw.compareTo(score) == 0
                    ? score.toPlainString()
                    : Num.fmtRaw(raw) + " → " + score.toPlainString();
            steps.add(expression + " = " + result);
            Explanation explanation = new Explanation(rule.ruleType(), rule.parameters(), inputs(), String.join("; ", steps),
                    raw, score, ruleSetVersion, notes);
            return new ScoreResult(score, explanation, flags);
        }

        private Map<String, Object> inputs() {
            return Checks.params("weight", weight, "target", input.target(), "actual", input.actual(), "band",
                    input.band() == null ? null : input.band().name(), "proposedScore", input.proposedScore(), "yes",
                    input.yes(), "justification", input.justification());
        }
    }
}
