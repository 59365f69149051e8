package gov.budgetperf.common.time;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * How much of a calendar (fiscal) year has elapsed on a date, as an exact fraction of months: whole months plus the
 * current month in proportion to its days (30 June → 6, 15 January → 15/31). Before the year: 0; after it: 12.
 *
 * @param numerator elapsed months × denominator
 * @param denominator days of the current month (1 outside the year)
 */
public record YearElapsed(long numerator, long denominator) {

    public static YearElapsed of(int year, LocalDate on) {
        if (on.getYear() < year) {
            return new YearElapsed(0, 1);
        }
        if (on.getYear() > year) {
            return new YearElapsed(12, 1);
        }
        long len = on.lengthOfMonth();
        return new YearElapsed((on.getMonthValue() - 1) * len + on.getDayOfMonth(), len);
    }

    /** Elapsed months, 4 decimals. */
    public BigDecimal months() {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    public boolean started() {
        return numerator > 0;
    }

    /**
     * 序时进度比: (executed ÷ budget) ÷ (elapsed months ÷ 12) × 100, rounded half-up to 2 decimals once, from the exact
     * quotient; null before the year starts or without a budget.
     */
    public BigDecimal progressRatio(BigDecimal executed, BigDecimal budget) {
        if (!started() || budget == null || budget.signum() == 0) {
            return null;
        }
        return executed.multiply(BigDecimal.valueOf(1200L * denominator))
                .divide(budget.multiply(BigDecimal.valueOf(numerator)), 2, RoundingMode.HALF_UP);
    }
}
