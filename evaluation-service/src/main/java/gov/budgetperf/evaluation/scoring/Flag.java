package gov.budgetperf.evaluation.scoring;

/**
 * Something about a score that a reviewer should look at.
 */
public enum Flag {
    /**
     * The actual value is far beyond the target (actual ÷ target above the {@link OverachievementPolicy#bound()}): the
     * target was probably set too low.
     */
    TARGET_TOO_LOW,
    /**
     * The actual is short of the target in the rule's direction (below a ≥ target, above a ≤ one, off an = one beyond
     * the tolerance), or, for the rules without a target (qualitative, yes/no, manual), the score is below the weight:
     * the indicator needs a reason (未达标原因) and a measure (改进措施), even when its rounded score is the weight
     * (99.95 of ≥ 100 scores 10.00 of 10).
     */
    SHORT_OF_TARGET
}
