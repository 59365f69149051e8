package gov.budgetperf.evaluation.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One department or project under monitoring, as of a date. */
@Schema(name = "MonitoringLine")
public record MonitoringLine(
        @Schema(examples = "GZ-TH-GSL") String departmentCode,
        @Schema(description = "Null for the department as a whole", nullable = true) String projectCode,
        String region, int fiscalYear, LocalDate asOf,
        @Schema(description = "Adjusted budget (yuan)") BigDecimal budget,
        @Schema(description = "Executed to date (yuan)") BigDecimal executed,
        @Schema(description = "executed ÷ budget, percent, 2 decimals; null without a budget", nullable = true) BigDecimal executionPercent,
        @Schema(description = "Months of the year elapsed (the current month by days), 4 decimals") BigDecimal elapsedMonths,
        @Schema(description = "序时进度比 = (executed ÷ budget) ÷ (elapsed ÷ 12) × 100, 2 decimals; null without a budget or before the year starts", examples = "85.50", nullable = true) BigDecimal timeProgressRatio,
        Light light,
        @Schema(description = "Version of the budget figures used") long budgetDataVersion) {
}
