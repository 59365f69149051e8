package gov.budgetperf.budget.execution;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The budget and the spending of one department-year, or of one of its projects, cut at a date: what in-year
 * monitoring (序时进度) needs of every department and project of a region, in one answer. Amounts in yuan.
 */
@Schema(name = "ExecutionLine", description = "Budget and spending of a department-year or one of its projects, cut at a date")
public record ExecutionLine(
        @Schema(examples = "GZ-TH-GSL") String departmentCode,
        @Schema(examples = "广州市天河区工商业联合会") String departmentName,
        @Schema(examples = "天河区") String region,
        @Schema(examples = "2022") int fiscalYear,
        @Schema(examples = "2022-06-30") LocalDate asOf,
        @Schema(description = "Version of the department-year's figures", examples = "7") long dataVersion,
        @Schema(description = "Null for the department as a whole", nullable = true, examples = "TH-2022-001") String projectCode,
        @Schema(description = "1 = 一级项目, 2 = 二级项目; null for the department", nullable = true, examples = "1") Integer projectLevel,
        @Schema(description = "The first-level project of a second-level one", nullable = true) String parentProjectCode,
        @Schema(description = "年初预算 (a first-level project's includes its second-level projects')", examples = "4178200.00") BigDecimal initialBudget,
        @Schema(description = "Σ adjustments dated on or before asOf (追加 +, 调减/划出 −; a first-level project's include its children's)", examples = "2100.00") BigDecimal adjustmentTotal,
        @Schema(description = "initialBudget + adjustmentTotal", examples = "4180300.00") BigDecimal adjustedBudget,
        @Schema(description = "Ledger entries dated on or before asOf (a first-level project's include its children's)", examples = "2007100.00") BigDecimal executed) {
}
