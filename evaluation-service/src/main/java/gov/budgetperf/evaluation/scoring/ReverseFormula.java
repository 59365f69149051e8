package gov.budgetperf.evaluation.scoring;

/**
 * The two formulas in real use for reverse (≤) ratio indicators; which one applies is a parameter of the rule set.
 */
public enum ReverseFormula {
    /** weight × min(target ÷ actual, 1); an actual of 0 gets full marks. */
    TARGET_OVER_ACTUAL,
    /**
     * Full marks up to the target, then weight × (1 − (actual − target) ÷ target), so 0 from twice the target on. The
     * target must be positive.
     */
    LINEAR_TO_DOUBLE
}
