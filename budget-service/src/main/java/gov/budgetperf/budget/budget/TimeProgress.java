package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 序时进度: execution against the time elapsed. ratio = (executed ÷ budget) ÷ (elapsed months ÷ 12) × 100, where the
 * elapsed months count the current month in proportion to its days (30 June → 6, 15 January → 15/31).
 */
@Schema(name = "TimeProgress", description = "Execution against the time elapsed in the fiscal year (序时进度)")
public record TimeProgress(
        @Schema(description = "Months of the fiscal year elapsed at the as-of date, 4 decimals", examples = "6.0000") BigDecimal elapsedMonths,
        @Schema(description = "Share of the year elapsed (elapsed ÷ 12)") Rate timeElapsed,
        @Schema(description = "Executed ÷ budget at the as-of date") Rate executed,
        @Schema(description = "(executed ÷ budget) ÷ (elapsed ÷ 12) × 100, half-up to 2 decimals; null before the year starts or without budget", examples = "85.50") BigDecimal ratio) {

    public static TimeProgress of(int fiscalYear, LocalDate asOf, BigDecimal executedAmount, BigDecimal budget) {
        // elapsed = (month - 1) + day / daysInMonth = ((month - 1) * len + day) / len
        long numerator;
        long len;
        if (asOf.getYear() < fiscalYear) {
            numerator = 0;
            len = 1;
        } else if (asOf.getYear() > fiscalYear) {
            numerator = 12;
            len = 1;
        } else {
            len = asOf.lengthOfMonth();
            numerator = (asOf.getMonthValue() - 1) * len + asOf.getDayOfMonth();
        }
        BigDecimal elapsed = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(len), 4, RoundingMode.HALF_UP);
        Rate executed = Rate.of(executedAmount, budget);
        Rate timeElapsed = Rate.of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(len * 12));
        BigDecimal ratio = null;
        if (numerator > 0 && budget != null && budget.signum() != 0) {
            // executed * 12 * 100 * len / (budget * numerator), rounded once from the exact quotient
            ratio = executedAmount.multiply(BigDecimal.valueOf(1200L * len))
                    .divide(budget.multiply(BigDecimal.valueOf(numerator)), 2, RoundingMode.HALF_UP);
        }
        return new TimeProgress(elapsed, timeElapsed, executed, ratio);
    }
}
