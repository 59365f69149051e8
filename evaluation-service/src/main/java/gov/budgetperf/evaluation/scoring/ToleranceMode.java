package gov.budgetperf.evaluation.scoring;

/**
 * How the tolerance of an {@link ScoringRule.Equal} rule is read.
 */
public enum ToleranceMode {
    /** The tolerance is a fraction of the target: |actual − target| ≤ tolerance × target (0.05 = 5%). */
    RELATIVE,
    /** The tolerance is in the indicator's own unit: |actual − target| ≤ tolerance. */
    ABSOLUTE
}
