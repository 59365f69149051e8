package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.budgetperf.common.time.YearElapsed;

/**
 * 序时进度: execution against the time elapsed. ratio = (executed ÷ budget) ÷ (elapsed months ÷ 12) × 100, where the
 * elapsed months count the current month in proportion to its days (30 June → 6, 15 January → 15/31).
 */
@Schema(name = "TimeProgress", description = "Execution against the time elapsed in the fiscal year (序时进度)")
public record TimeProgress(
        @Schema(description = "Months of the fiscal year elapsed at the as-of date, 4 decimals", examples = "6.0000") BigDecimal elapsedMonths,
        @Schema(nullable = true, description = "Executed ÷ budget at the as-of date; null without budget") Rate executed,
        @Schema(description = "Share of the year elapsed (elapsed ÷ 12)") Rate timeElapsed,
        @Schema(nullable = true, description = "(executed ÷ budget) ÷ (elapsed ÷ 12) × 100, half-up to 2 decimals; null before the year starts or without budget", examples = "85.50") BigDecimal ratio) {

    public static TimeProgress of(int fiscalYear, LocalDate asOf, BigDecimal executedAmount, BigDecimal budget) {
        YearElapsed elapsed = YearElapsed.of(fiscalYear, asOf);
        return new TimeProgress(elapsed.months(), Rate.of(executedAmount, budget),
                Rate.of(BigDecimal.valueOf(elapsed.numerator()), BigDecimal.valueOf(elapsed.denominator() * 12)),
                elapsed.progressRatio(executedAmount, budget));
    }
}
