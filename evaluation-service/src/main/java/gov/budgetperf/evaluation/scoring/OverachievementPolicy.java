package gov.budgetperf.evaluation.scoring;

import java.math.BigDecimal;

/**
 * What to do when an actual value is far beyond its target (DESIGN §4: "target set too low", with an optional
 * deduction by the size of the deviation, 按偏离度调减). It applies to the positive-direction rules RATIO_POSITIVE and
 * THRESHOLD_STEPS only. The ratio is r = actual ÷ target (for THRESHOLD_STEPS the input target when one is given,
 * otherwise the threshold); nothing happens when the reference is 0.
 * <ul>
 * <li>r &gt; bound: the score is flagged {@link Flag#TARGET_TOO_LOW} and a note says "target set too low: actual is
 * r × target";</li>
 * <li>and with {@code deductByDeviation}: deduction = weight × min(maxDeductionFraction, (r − bound) ÷ bound), i.e.
 * the deviation beyond the bound relative to the bound, capped; the score is the rule's score minus the deduction,
 * floored at 0.</li>
 * </ul>
 * Example: bound 1.5, max 0.3, weight 10: r = 1.8 deducts 10 × 0.2 = 2 (score 8); r = 2.5 deducts 10 × min(0.3,
 * 0.667) = 3 (score 7); r = 1.5 is not flagged.
 *
 * @param bound the ratio above which the target counts as too low (≥ 1); null switches the policy off
 * @param deductByDeviation whether to deduct by the deviation, or only flag
 * @param maxDeductionFraction the largest deduction as a fraction of the weight, in [0, 1]; null means 1
 */
public record OverachievementPolicy(BigDecimal bound, boolean deductByDeviation, BigDecimal maxDeductionFraction) {

    private static final OverachievementPolicy OFF = new OverachievementPolicy(null, false, null);

    public OverachievementPolicy {
        if (bound != null && bound.compareTo(BigDecimal.ONE) < 0) {
            throw new ScoringException("bound", "bound must be at least 1 (a ratio of actual to target), was "
                    + Num.fmt(bound));
        }
        maxDeductionFraction = maxDeductionFraction == null ? BigDecimal.ONE : maxDeductionFraction;
        Checks.requireFraction("maxDeductionFraction", maxDeductionFraction);
    }

    /** No flag, no deduction. */
    public static OverachievementPolicy off() {
        return OFF;
    }

    /** Flag ratios above the bound, without deduction. */
    public static OverachievementPolicy flagAbove(BigDecimal bound) {
        return new OverachievementPolicy(Checks.require("bound", bound), false, null);
    }

    /** Flag ratios above the bound and deduct by the deviation, at most maxDeductionFraction of the weight. */
    public static OverachievementPolicy deductAbove(BigDecimal bound, BigDecimal maxDeductionFraction) {
        return new OverachievementPolicy(Checks.require("bound", bound), true, maxDeductionFraction);
    }

    /** Whether the policy does anything. */
    public boolean enabled() {
        return bound != null;
    }
}
