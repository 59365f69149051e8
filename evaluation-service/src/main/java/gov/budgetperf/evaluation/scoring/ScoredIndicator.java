package gov.budgetperf.evaluation.scoring;

import java.math.BigDecimal;

/**
 * A scored leaf (third-level) indicator, as {@link Totals} adds it up.
 *
 * @param id the indicator's id, used in error messages
 * @param weight its weight (分值), positive
 * @param score its rounded score, in [0, weight]; may be null when not applicable
 * @param notApplicable true when the indicator is left out of the total, which is then rescaled (按百分制折算)
 */
public record ScoredIndicator(String id, BigDecimal weight, BigDecimal score, boolean notApplicable) {

    /** An applicable indicator. */
    public static ScoredIndicator of(String id, BigDecimal weight, BigDecimal score) {
        return new ScoredIndicator(id, weight, score, false);
    }

    /** An indicator marked not applicable. */
    public static ScoredIndicator notApplicable(String id, BigDecimal weight) {
        return new ScoredIndicator(id, weight, null, true);
    }
}
