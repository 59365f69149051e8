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
 * {@link Explanation}. Bad input (a negative or missing number, a zero target that would be divided by, a proposed
 * score outside its range, a missing justification) is rejected with a {@link ScoringException} naming the field.
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
        Checks.requireNotNegative("target", input.target());
        Checks.requireNotNegative("actual", input.actual());
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
        c.base(ratioExpression(c.weight, actual, target), cappedRatio(c.weight, actual, target));
    }

    // BUDGET_LINKED: weight × min(actual ÷ target ratio, 1), the actual being a budget ratio such as 0.93
    private static void budgetLinked(ScoringRule.BudgetLinked rule, Calculation c) {
        BigDecimal actual = actual(c);
        BigDecimal target = rule.target();
        if (c.input.target() != null && c.input.target().compareTo(target) != 0) {
            c.note("input target " + Num.fmt(c.input.target()) + " ignored: a budget-linked rule uses its own target ratio "
                    + Num.fmt(target));
        }
        c.base(ratioExpression(c.weight, actual, target), cappedRatio(c.weight, actual, target));
    }

    private static String ratioExpression(BigDecimal weight, BigDecimal actual, BigDecimal target) {
        return Num.fmt(weight) + " × min(" + Num.fmt(actual) + " ÷ " + Num.fmt(target) + ", 1)";
    }

    // weight × min(actual ÷ target, 1), dividing once at the end so that exact results stay exact
    private static BigDecimal cappedRatio(BigDecimal weight, BigDecimal actual, BigDecimal target) {
        return actual.compareTo(target) >= 0 ? weight : Num.div(weight.multiply(actual), target);
    }

    private static void ratioReverse(ScoringRule.RatioReverse rule, Calculation c) {
        BigDecimal w = c.weight;
        if (rule.formula() == ReverseFormula.TARGET_OVER_ACTUAL) {
            BigDecimal target = Checks.require("target", c.input.target());
            BigDecimal actual = actual(c);
            if (Num.isZero(actual)) {
                c.base(Num.fmt(w) + " (actual 0: full marks)", w);
                c.note("actual is 0: full marks under TARGET_OVER_ACTUAL");
            } else {
                c.base(Num.fmt(w) + " × min(" + Num.fmt(target) + " ÷ " + Num.fmt(actual) + ", 1)",
                        target.compareTo(actual) >= 0 ? w : Num.div(w.multiply(target), actual));
            }
            return;
        }
        BigDecimal target = positiveTarget(c, RuleType.RATIO_REVERSE);
        BigDecimal actual = actual(c);
        BigDecimal twice = target.add(target);
        if (actual.compareTo(target) <= 0) {
            c.base(Num.fmt(w) + " (" + Num.fmt(actual) + " ≤ " + Num.fmt(target) + ": full marks)", w);
        } else if (actual.compareTo(twice) >= 0) {
            c.base("0 (" + Num.fmt(actual) + " ≥ 2 × " + Num.fmt(target) + ")", BigDecimal.ZERO);
        } else {
            // weight × (1 − (actual − target) ÷ target) = weight × (2 × target − actual) ÷ target
            c.base(Num.fmt(w) + " × (1 − (" + Num.fmt(actual) + " − " + Num.fmt(target) + ") ÷ " + Num.fmt(target) + ")",
                    Num.div(w.multiply(twice.subtract(actual)), target));
        }
    }

    private static void equal(ScoringRule.Equal rule, Calculation c) {
        BigDecimal w = c.weight;
        BigDecimal target = positiveTarget(c, RuleType.EQUAL);
        BigDecimal actual = actual(c);
        BigDecimal deviation = actual.subtract(target).abs();
        boolean relative = rule.toleranceMode() == ToleranceMode.RELATIVE;
        BigDecimal allowed = relative ? rule.tolerance().multiply(target) : rule.tolerance();
        String deviationText = "|" + Num.fmt(actual) + " − " + Num.fmt(target) + "|";
        if (deviation.compareTo(allowed) <= 0) {
            String tolerance = relative
                    ? Num.fmt(rule.tolerance()) + " × " + Num.fmt(target) + " = " + Num.fmt(allowed)
                    : Num.fmt(allowed);
            c.base(Num.fmt(w) + " (" + deviationText + " = " + Num.fmt(deviation) + " ≤ tolerance " + tolerance
                    + ": full marks)", w);
        } else {
            // weight × max(0, 1 − deviation ÷ target) = weight × max(0, target − deviation) ÷ target
            BigDecimal remaining = Num.max(BigDecimal.ZERO, target.subtract(deviation));
            c.base(Num.fmt(w) + " × max(0, 1 − " + deviationText + " ÷ " + Num.fmt(target) + ")",
                    Num.div(w.multiply(remaining), target));
        }
    }

    private static void thresholdSteps(ScoringRule.ThresholdSteps rule, Calculation c) {
        BigDecimal w = c.weight;
        BigDecimal actual = actual(c);
        BigDecimal threshold = rule.threshold();
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
        BigDecimal w = c.weight;
        BigDecimal actual = actual(c);
        BigDecimal limit = rule.limit();
        if (actual.compareTo(limit) <= 0) {
            c.base(Num.fmt(w) + " (" + Num.fmt(actual) + " ≤ " + Num.fmt(limit) + ": full marks)", w);
            return;
        }
        BigDecimal deduction = actual.subtract(limit).multiply(rule.perUnit());
        c.base("max(0, " + Num.fmt(w) + " − (" + Num.fmt(actual) + " − " + Num.fmt(limit) + ") × "
                + Num.fmt(rule.perUnit()) + ")", Num.max(BigDecimal.ZERO, w.subtract(deduction)));
    }

    private static void qualitative(ScoringRule.Qualitative rule, Calculation c) {
        QualitativeBand band = Checks.require("band", c.input.band());
        BigDecimal proposed = Checks.require("proposedScore", c.input.proposedScore());
        ScoringRule.Qualitative.Range range = rule.range(band, c.weight);
        requireInside(proposed, range::contains, "the chosen band " + range + " of weight " + Num.fmt(c.weight));
        c.base(Num.fmt(proposed) + " (proposed, in band " + range + ")", proposed);
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
    }

    private static void manual(Calculation c) {
        BigDecimal proposed = Checks.require("proposedScore", c.input.proposedScore());
        BigDecimal w = c.weight;
        requireInside(proposed, s -> s.signum() >= 0 && s.compareTo(w) <= 0, "[0, " + Num.fmt(w) + "] (the weight)");
        Checks.requireText("justification", c.input.justification(), "for a manual score");
        c.base(Num.fmt(proposed) + " (manual)", proposed);
    }

    private static BigDecimal actual(Calculation c) {
        return Checks.require("actual", c.input.actual());
    }

    private static BigDecimal positiveTarget(Calculation c, RuleType type) {
        BigDecimal target = Checks.require("target", c.input.target());
        if (target.signum() == 0) {
            throw new ScoringException("target", "target must be positive for " + type + " (the score divides by it)");
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
