package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every derived budget metric of a department-year as of a date (DESIGN §3). Amounts in yuan. */
@Schema(name = "DepartmentMetrics", description = "Derived budget metrics of a department-year as of a date")
public record DepartmentMetrics(
        @Schema(examples = "GZ-TH-GSL") String departmentCode,
        @Schema(examples = "2022") int fiscalYear,
        @Schema(examples = "2022-12-31") LocalDate asOf,
        @Schema(description = "Version of the department-year's figures", examples = "7") long dataVersion,
        @Schema(description = "年初预算", examples = "4178200.00") BigDecimal initialBudget,
        @Schema(description = "预算调整数（净额）: Σ signed adjustments to the as-of date (追加 +, 调减 and 划出 −), project changes included", examples = "2100.00") BigDecimal adjustmentTotal,
        @Schema(description = "预算调整数（总额）: Σ |adjustment| to the as-of date — every 追加, 调减 and 划出 counts as a change (财预〔2020〕10号 counts 追加, 追减 and 结构调整 as 预算调整数)", examples = "2100.00") BigDecimal grossAdjustmentTotal,
        @Schema(description = "调整后预算 = initial + Σ adjustments", examples = "4180300.00") BigDecimal adjustedBudget,
        @Schema(description = "实际支出 to the as-of date", examples = "4014200.00") BigDecimal actualExpenditure,
        @Schema(description = "基本支出 = personnel + public funds") BigDecimal basicExpenditure,
        @Schema(description = "人员经费") BigDecimal personnelExpenditure,
        @Schema(description = "日常公用经费") BigDecimal publicFundsExpenditure,
        @Schema(description = "项目支出") BigDecimal projectExpenditure,
        @Schema(description = "Initial budget by expenditure type") Map<ExpenditureType, BigDecimal> initialByType,
        @Schema(description = "Adjusted budget by expenditure type") Map<ExpenditureType, BigDecimal> adjustedByType,
        @Schema(description = "Initial budget by funding source") Map<FundingSource, BigDecimal> initialByFundingSource,
        @Schema(description = "Adjusted budget by funding source") Map<FundingSource, BigDecimal> adjustedByFundingSource,
        @Schema(description = "Actual expenditure by funding source") Map<FundingSource, BigDecimal> actualByFundingSource,
        @Schema(nullable = true, description = "预算执行率 = actual ÷ adjusted budget; null when its denominator is 0") Rate executionRate,
        @Schema(nullable = true, description = "预算调整率（净）= Σ signed adjustments ÷ initial budget (adjustmentTotal ÷ initialBudget); a 划出 offset by a 追加 nets to 0; null when its denominator is 0") Rate adjustmentRate,
        @Schema(nullable = true, description = "预算调整率（总）= Σ |adjustment| ÷ initial budget (grossAdjustmentTotal ÷ initialBudget): 追加, 调减 and 划出 all count; null when its denominator is 0") Rate grossAdjustmentRate,
        @Schema(description = "结转结余") BigDecimal carryOver,
        @Schema(nullable = true, description = "结转结余率 = carry-over ÷ the denominator named in carryOverDenominator; null when its denominator is 0") Rate carryOverRate,
        @Schema(description = "Denominator used for the carry-over rate", examples = "ADJUSTED_BUDGET") CarryOverDenominator carryOverDenominator,
        @Schema(nullable = true, description = "公用经费控制率 = actual public funds ÷ budgeted (adjusted) public funds; null when its denominator is 0") Rate publicFundsControlRate,
        @Schema(description = "三公经费") ThreePublicMetrics threePublic,
        @Schema(nullable = true, description = "编制数; null when not given") Integer staffQuota,
        @Schema(nullable = true, description = "实有人数; null when not given") Integer actualStaff,
        @Schema(nullable = true, description = "在职人员控制率 = actual staff ÷ quota; null without both figures or when the quota is 0") Rate staffControlRate,
        @Schema(description = "序时进度") TimeProgress timeProgress) {

    @Schema(name = "ThreePublicMetrics", description = "三公经费: budget, actual, control rate and change rate, in total and per category")
    public record ThreePublicMetrics(BigDecimal budget, BigDecimal actual,
            @Schema(nullable = true, description = "Σ last year's actuals of the categories that take part in the comparison (those with a prior-year figure or with spending this year); null when one of them has no prior-year figure, or none has one") BigDecimal priorYearActual,
            @Schema(nullable = true, description = "三公经费控制率 = actual ÷ budget; null when the budget is 0") Rate controlRate,
            @Schema(nullable = true, description = "变动率 = (this year − last year) ÷ last year, like with like: null when a category with spending this year has no prior-year figure (enter 0 for a category that had none last year); a category with neither spending this year nor a prior figure does not take part") Rate changeRate,
            List<ThreePublicLine> categories) {
    }

    @Schema(name = "ThreePublicLine")
    public record ThreePublicLine(ThreePublicCategory category, BigDecimal budget, BigDecimal actual,
            @Schema(nullable = true) BigDecimal priorYearActual,
            @Schema(nullable = true, description = "actual ÷ budget; null when the budget is 0") Rate controlRate,
            @Schema(nullable = true, description = "(actual − priorYearActual) ÷ priorYearActual; null without a prior-year figure or when it is 0") Rate changeRate) {
    }
}
