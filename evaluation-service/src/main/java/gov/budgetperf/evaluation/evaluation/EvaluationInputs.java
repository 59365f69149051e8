package gov.budgetperf.evaluation.evaluation;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import gov.budgetperf.evaluation.ruleset.RuleSet;
import gov.budgetperf.evaluation.scoring.ScoringRule;

/** Request bodies of the evaluation API. */
public final class EvaluationInputs {

    private EvaluationInputs() {
    }

    /**
     * What the indicator columns hold (evaluation-service migrations): target and actual NUMERIC(24, 12), weight and
     * proposed score NUMERIC(7, 2). A value beyond them is a 400 naming the field, not a database overflow.
     */
    static final class IndicatorColumns {
        static final String VALUE_MAX = "999999999999.999999999999";
        static final String VALUE_MIN = "-999999999999.999999999999";
        static final String VALUE_RANGE = "must lie between -999999999999.999999999999 and 999999999999.999999999999 (12 integer digits)";
        static final String SCORE_MAX = "99999.99";
        static final String SCORE_RANGE = "must be at most 99999.99 (5 integer digits, 2 decimals)";

        private IndicatorColumns() {
        }
    }

    @Schema(name = "EvaluationInput", description = "A new evaluation of a department-year or project-year")
    public record Create(
            @NotNull @Schema(examples = "DEPARTMENT") RuleSet.SubjectType subjectType,
            @NotBlank @Size(max = 40) @Schema(examples = "GZ-ZC-GSL") String departmentCode,
            @NotNull @Min(2000) @Max(2100) @Schema(examples = "2022") Integer fiscalYear,
            @Size(max = 60) @Schema(description = "Required for a project evaluation", nullable = true) String projectCode,
            @Schema(examples = "SELF", description = "SELF (自评, default), DEPARTMENT or FINANCE") Evaluation.Kind kind,
            @NotBlank @Schema(examples = "GZ-DEPT-COMMON") String ruleSetCode,
            @Schema(description = "Rule-set version; default: the published version in force on 1 January of the fiscal year", nullable = true) Integer ruleSetVersion) {
    }

    @Schema(name = "IndicatorValues", description = "What the evaluator fills in for an indicator; replaces the previous values")
    public record Values(
            @DecimalMin(value = IndicatorColumns.VALUE_MIN, message = IndicatorColumns.VALUE_RANGE) @DecimalMax(value = IndicatorColumns.VALUE_MAX, message = IndicatorColumns.VALUE_RANGE) @Schema(description = "年度指标值 (number; negative where the rule's formula allows it, e.g. a change rate ≤ 0)", examples = "95") BigDecimal target,
            @Size(max = 300) @Schema(description = "Target as written, e.g. ≥95%", nullable = true) String targetText,
            @DecimalMin(value = IndicatorColumns.VALUE_MIN, message = IndicatorColumns.VALUE_RANGE) @DecimalMax(value = IndicatorColumns.VALUE_MAX, message = IndicatorColumns.VALUE_RANGE) @Schema(description = "实际完成值 (number, may be negative, e.g. a change rate of -12.30); not for budget-linked indicators", examples = "93") BigDecimal actual,
            @Size(max = 300) @Schema(description = "Actual as written; for a budget-linked indicator the service sets it from the budget data (e.g. 93.00%): omit it or send the stored text", nullable = true) String actualText,
            @Schema(description = "Qualitative band: ACHIEVED 达成, PARTIAL 部分达成, NOT_ACHIEVED 未达成", nullable = true) String band,
            @DecimalMin("0") @DecimalMax(value = IndicatorColumns.SCORE_MAX, message = IndicatorColumns.SCORE_RANGE) @Schema(description = "Score proposed for qualitative, yes/no (when no) and manual rules", nullable = true) BigDecimal proposedScore,
            @Schema(description = "Answer of a yes/no indicator", nullable = true) Boolean yes,
            @Size(max = 4000) @Schema(description = "Why a discretionary or manual score", nullable = true) String justification,
            @Schema(description = "Not applicable: left out and the total rescaled to 100") Boolean notApplicable,
            @Size(max = 4000) @Schema(description = "未达标原因 / 偏差原因", nullable = true) String reason,
            @Size(max = 4000) @Schema(description = "改进措施", nullable = true) String measure) {
    }

    @Schema(name = "CustomIndicatorInput", description = "A third-level indicator a department adds under an extensible second-level one")
    public record Custom(
            @NotBlank @Size(max = 40) @Schema(examples = "B1") String parentCode,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_.-]+") @Schema(examples = "B1-01") String code,
            @NotBlank @Size(max = 300) @Schema(examples = "培训人数") String name,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = IndicatorColumns.SCORE_MAX, message = IndicatorColumns.SCORE_RANGE) @Schema(examples = "20") BigDecimal weight,
            @Size(max = 40) @Schema(examples = "人") String unit,
            @Pattern(regexp = ">=|<=|=") @Schema(examples = ">=") String direction,
            @NotNull @Schema(implementation = ScoringRule.class, required = true) JsonNode rule,
            @Size(max = 4000) String explanation) {
    }

    @Schema(name = "LikelihoodInput", description = "In-year monitoring of an indicator; reason and measure are required unless CERTAIN")
    public record LikelihoodInput(
            @NotNull @Schema(examples = "POSSIBLE") gov.budgetperf.evaluation.monitoring.Likelihood likelihood,
            @Size(max = 4000) @Schema(examples = "采购合同签订延迟") String reason,
            @Size(max = 4000) @Schema(examples = "督促供应商按期签约") String measure) {
    }

    @Schema(name = "DeclaredRates", description = "Rates as typed into the form, in percent, by metric name as budget-service names them (EXECUTION_RATE, ADJUSTMENT_RATE, CARRY_OVER_RATE, PUBLIC_FUNDS_CONTROL_RATE, STAFF_CONTROL_RATE)")
    public record DeclaredRates(
            @NotNull @Schema(examples = "{\"ADJUSTMENT_RATE\": 0.00, \"EXECUTION_RATE\": 96.03}") java.util.Map<@Pattern(regexp = "[A-Z_]+") String, @NotNull @DecimalMin(value = IndicatorColumns.VALUE_MIN, message = IndicatorColumns.VALUE_RANGE) @DecimalMax(value = IndicatorColumns.VALUE_MAX, message = IndicatorColumns.VALUE_RANGE) BigDecimal> rates) {
    }

    @Schema(name = "ExecutionExplanations", description = "Why execution rates lie outside 90–100 % where no indicator says it (a department evaluation without a budget-linked 预算执行率 indicator, and each project of a department evaluation): a reason and a measure each")
    public record ExecutionExplanations(
            @Valid @Schema(description = "The evaluated department's (or project's) own execution rate", nullable = true) ReasonAndMeasure subject,
            @Schema(description = "By project code (项目执行率 of the department's projects)", nullable = true) java.util.Map<@NotBlank @Size(max = 60) String, @NotNull @Valid ReasonAndMeasure> projects) {
    }

    @Schema(name = "ReasonAndMeasure")
    public record ReasonAndMeasure(
            @NotBlank @Size(max = 4000) @Schema(description = "原因", examples = "项目采购延期至次年") String reason,
            @NotBlank @Size(max = 4000) @Schema(description = "改进措施", examples = "提前开展采购，加快支付进度") String measure) {
    }

    @Schema(name = "WorkflowComment")
    public record Comment(@Size(max = 4000) @Schema(examples = "请补充未达标原因") String comment) {
    }
}
