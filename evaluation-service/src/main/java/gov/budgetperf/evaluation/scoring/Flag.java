package gov.budgetperf.evaluation.scoring;

/**
 * Something about a score that a reviewer should look at.
 */
public enum Flag {
    /**
     * The actual value is far beyond the target (actual ÷ target above the {@link OverachievementPolicy#bound()}): the
     * target was probably set too low.
     */
    TARGET_TOO_LOW
}
