package gov.budgetperf.evaluation.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import gov.budgetperf.evaluation.ruleset.RuleSet;

/** Response bodies of the evaluation API. */
public final class EvaluationViews {

    private EvaluationViews() {
    }

    @Schema(name = "Evaluation")
    public record EvaluationView(long id, RuleSet.SubjectType subjectType, String departmentCode, int fiscalYear,
            String projectCode, Evaluation.Kind kind,
            @Schema(description = "Rule set code/version the scores come from", examples = "GZ-DEPT-COMMON/v1") String ruleSet,
            Evaluation.Status status,
            @Schema(description = "总分: sum of rounded leaf scores (rescaled when some are not applicable); null while some indicator is unscored", examples = "90.77") BigDecimal total,
            @Schema(examples = "优") String grade, boolean rescaled, Long budgetDataVersion,
            boolean budgetChangedAfterSubmission,
            @Schema(description = "Rates typed into the form, percent, by metric; checked against the budget figures") java.util.Map<String, BigDecimal> declaredRates,
            @Schema(description = "Why execution rates lie outside 90–100 % where no indicator says it: the subject's own and each project's reason and measure", nullable = true) JsonNode executionExplanations,
            @Schema(description = "Version (ETag)") long version,
            OffsetDateTime updatedAt, List<IndicatorView> indicators) {

        public static EvaluationView of(Evaluation e, boolean withIndicators) {
            return new EvaluationView(e.id, e.subjectType, e.departmentCode, e.fiscalYear, e.projectCode, e.kind,
                    e.ruleSet.label(), e.status, e.total, e.grade, e.rescaled, e.budgetDataVersion,
                    e.budgetChangedAfterSubmission, e.declaredRates, e.executionExplanations, e.version, e.updatedAt,
                    withIndicators ? e.indicators.stream().map(IndicatorView::of).toList() : null);
        }
    }

    @Schema(name = "Indicator")
    public record IndicatorView(String code, String parentCode, int level, String name, BigDecimal weight,
            String explanation, String unit, String direction, boolean extensible, boolean custom, JsonNode rule,
            BigDecimal target, String targetText, BigDecimal actual, String actualText, String band,
            BigDecimal proposedScore, Boolean yes, String justification, boolean notApplicable,
            @Schema(description = "得分, half-up to 2 decimals") BigDecimal score,
            @Schema(description = "How the score was computed: rule type, parameters, inputs, formula with the numbers, rule-set version") JsonNode scoreExplanation,
            String reason, String measure,
            @Schema(description = "In-year monitoring: CERTAIN 确定能, POSSIBLE 有可能, IMPOSSIBLE 不可能") String likelihood,
            String likelihoodReason, String likelihoodMeasure) {

        static IndicatorView of(Indicator i) {
            return new IndicatorView(i.code, i.parentCode, i.level, i.name, i.weight, i.explanation, i.unit, i.direction,
                    i.extensible, i.custom, i.rule, i.target, i.targetText, i.actual, i.actualText, i.band,
                    i.proposedScore, i.yes, i.justification, i.notApplicable, i.score, i.scoreExplanation, i.reason,
                    i.measure, i.likelihood, i.likelihoodReason, i.likelihoodMeasure);
        }
    }

    @Schema(name = "WorkflowStep")
    public record StepView(Evaluation.Status from, Evaluation.Status to, String actor, OffsetDateTime at, String comment) {
    }

    @Schema(name = "AuditEntry")
    public record AuditView(long id, String actor, OffsetDateTime at, String action, JsonNode detail) {
    }

    @Schema(name = "Finding", description = "A check's result")
    public record Finding(@Schema(examples = "ERROR") Severity severity, @Schema(examples = "REASON_MISSING") String code,
            @Schema(description = "Indicator code, 'evaluation', 'project:<code>' or a declared metric", examples = "LZ11") String location,
            @Schema(examples = "得分低于分值，须填写未达标原因和改进措施") String message) {
    }

    public enum Severity {
        ERROR, WARNING, INFO
    }
}
