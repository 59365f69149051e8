package gov.budgetperf.budget.project;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.budgetperf.budget.budget.Rate;
import gov.budgetperf.budget.budget.TimeProgress;

/** Derived figures of a project as of a date. Amounts in yuan. */
@Schema(name = "ProjectMetrics")
public record ProjectMetrics(
        @Schema(examples = "GZ-TH-GSL") String departmentCode,
        @Schema(examples = "2022") int fiscalYear,
        @Schema(examples = "TH-2022-001") String projectCode,
        @Schema(examples = "2022-12-31") LocalDate asOf,
        @Schema(description = "Version of the department-year's figures") long dataVersion,
        @Schema(description = "年初预算") BigDecimal initialBudget,
        @Schema(description = "追加") BigDecimal additions,
        @Schema(description = "调减") BigDecimal reductions,
        @Schema(description = "划出") BigDecimal transfersOut,
        @Schema(description = "initial + additions − reductions − transfers out") BigDecimal adjustedBudget,
        @Schema(description = "执行数 (includes second-level projects of a first-level one)") BigDecimal executed,
        @Schema(description = "adjusted − executed") BigDecimal remaining,
        @Schema(nullable = true, description = "项目执行率 = executed ÷ adjusted budget; null when the adjusted budget is 0") Rate executionRate,
        @Schema(description = "序时进度") TimeProgress timeProgress) {
}
