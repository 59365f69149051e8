package gov.budgetperf.evaluation.scoring;

/**
 * The two formulas in real use for reverse (≤) ratio indicators; which one applies is a parameter of the rule set.
 * Under both, an actual at or below the target gets full marks (whatever its sign), and the target must not be
 * negative.
 */
public enum ReverseFormula {
    /**
     * weight × min(target ÷ actual, 1) above the target; full marks at or below it (an actual of 0 or less included).
     * With a target of 0, any actual above it scores 0.
     */
    TARGET_OVER_ACTUAL,
    /**
     * Full marks up to the target, then weight × (1 − (actual − target) ÷ target), so 0 from twice the target on. With
     * a target of 0 (安全事故 ≤ 0 起): 0 gets full marks and anything above it 0.
     */
    LINEAR_TO_DOUBLE
}
