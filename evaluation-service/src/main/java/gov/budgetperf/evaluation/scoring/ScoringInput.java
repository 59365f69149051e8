package gov.budgetperf.evaluation.scoring;

import java.math.BigDecimal;

/**
 * What the evaluator (or the budget data) supplies for one indicator. Which fields a rule needs:
 * <ul>
 * <li>RATIO_POSITIVE, RATIO_REVERSE, EQUAL: target and actual;</li>
 * <li>THRESHOLD_STEPS, LINEAR_DEDUCTION, BUDGET_LINKED: actual (the threshold, limit or target percent are rule
 * parameters; a target given to THRESHOLD_STEPS or LINEAR_DEDUCTION is what "short of the target" is measured
 * against, and for THRESHOLD_STEPS what the {@link OverachievementPolicy} compares with);</li>
 * <li>QUALITATIVE: band and proposedScore;</li>
 * <li>YES_NO: yes, and when it is false, proposedScore and justification;</li>
 * <li>MANUAL: proposedScore and justification.</li>
 * </ul>
 * Targets and actuals may be negative where the rule's formula is defined for them (DESIGN §4); where it is not, and
 * for a negative proposed score, {@link Scorer} rejects them with a {@link ScoringException} naming the field.
 *
 * @param target the target value (指标值), in the indicator's unit
 * @param actual the actual value (实际完成值), in the same unit; for BUDGET_LINKED the rate in percent as shown,
 *        e.g. 93.25 (scored half-up to two decimals)
 * @param band the qualitative band picked by the evaluator
 * @param proposedScore the score proposed by the evaluator
 * @param yes the answer of a yes/no indicator
 * @param justification why a discretionary or manual score was given
 */
public record ScoringInput(BigDecimal target, BigDecimal actual, QualitativeBand band, BigDecimal proposedScore,
        Boolean yes, String justification) {

    /** Target and actual, for the ratio and equal rules. */
    public static ScoringInput of(BigDecimal target, BigDecimal actual) {
        return new ScoringInput(target, actual, null, null, null, null);
    }

    /** Only an actual value, for threshold, linear-deduction and budget-linked rules. */
    public static ScoringInput actual(BigDecimal actual) {
        return new ScoringInput(null, actual, null, null, null, null);
    }

    /** A band and a score inside it, for a qualitative rule. */
    public static ScoringInput qualitative(QualitativeBand band, BigDecimal proposedScore) {
        return new ScoringInput(null, null, band, proposedScore, null, null);
    }

    /** "Yes" to a yes/no indicator. */
    public static ScoringInput answeredYes() {
        return new ScoringInput(null, null, null, null, Boolean.TRUE, null);
    }

    /** "No" to a yes/no indicator, with the score after the discretionary deduction and why. */
    public static ScoringInput answeredNo(BigDecimal proposedScore, String justification) {
        return new ScoringInput(null, null, null, proposedScore, Boolean.FALSE, justification);
    }

    /** A manual score and why. */
    public static ScoringInput manual(BigDecimal proposedScore, String justification) {
        return new ScoringInput(null, null, null, proposedScore, null, justification);
    }
}
