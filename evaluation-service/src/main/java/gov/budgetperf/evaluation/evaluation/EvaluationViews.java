package gov.budgetperf.evaluation.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import gov.budgetperf.common.openapi.NullableReferences;
import gov.budgetperf.evaluation.ruleset.RuleSet;
import gov.budgetperf.evaluation.scoring.Flag;
import gov.budgetperf.evaluation.scoring.RuleType;

/** Response bodies of the evaluation API. */
public final class EvaluationViews {

    private EvaluationViews() {
    }

    @Schema(name = "Evaluation")
    public record EvaluationView(long id, RuleSet.SubjectType subjectType, String departmentCode, int fiscalYear,
            @Schema(description = "The project of a project evaluation; null for a department evaluation", nullable = true) String projectCode,
            Evaluation.Kind kind,
            @Schema(description = "Rule set code/version the scores come from", examples = "GZ-DEPT-COMMON/v1") String ruleSet,
            Evaluation.Status status,
            @Schema(description = "总分: sum of rounded leaf scores (rescaled when some are not applicable); null while some indicator is unscored", examples = "90.77", nullable = true) BigDecimal total,
            @Schema(description = "评价等级 of the total; null while the total is", examples = "优", nullable = true) String grade,
            boolean rescaled,
            @Schema(description = "Version of the budget figures the scores used; null before any were received", nullable = true) Long budgetDataVersion,
            boolean budgetChangedAfterSubmission,
            @Schema(description = "Rates typed into the form, percent, by metric; checked against the budget figures; null until declared", nullable = true) java.util.Map<String, BigDecimal> declaredRates,
            @Schema(ref = "ExecutionExplanations", extensions = @Extension(name = NullableReferences.EXTENSION, value = "true"), description = "Why execution rates lie outside 90–100 % where no indicator says it: the subject's own and each project's reason and measure; null until given", nullable = true) JsonNode executionExplanations,
            @Schema(description = "Version (ETag)") long version,
            OffsetDateTime updatedAt,
            @Schema(description = "The indicator tree, level by level; null in lists", nullable = true) List<IndicatorView> indicators) {

        public static EvaluationView of(Evaluation e, boolean withIndicators) {
            return new EvaluationView(e.id, e.subjectType, e.departmentCode, e.fiscalYear, e.projectCode, e.kind,
                    e.ruleSet.label(), e.status, e.total, e.grade, e.rescaled, e.budgetDataVersion,
                    e.budgetChangedAfterSubmission, e.declaredRates, e.executionExplanations, e.version, e.updatedAt,
                    withIndicators ? e.indicators.stream().map(IndicatorView::of).toList() : null);
        }
    }

    @Schema(name = "Indicator")
    public record IndicatorView(String code,
            @Schema(description = "Code of the parent; null for a first-level indicator", nullable = true) String parentCode,
            int level, String name,
            @Schema(description = "分值; null for an open second-level node whose split is set per evaluation", nullable = true) BigDecimal weight,
            @Schema(nullable = true) String explanation, @Schema(nullable = true) String unit,
            @Schema(description = ">=, <= or =; null when the indicator has none", nullable = true) String direction,
            boolean extensible, boolean custom,
            @Schema(ref = "ScoringRule", description = "Scoring rule of a leaf, as the rule set or the department wrote it; null for an inner indicator") JsonNode rule,
            @Schema(nullable = true) BigDecimal target, @Schema(nullable = true) String targetText,
            @Schema(nullable = true) BigDecimal actual, @Schema(nullable = true) String actualText,
            @Schema(description = "Qualitative band: ACHIEVED, PARTIAL or NOT_ACHIEVED", nullable = true) String band,
            @Schema(nullable = true) BigDecimal proposedScore, @Schema(nullable = true) Boolean yes,
            @Schema(nullable = true) String justification, boolean notApplicable,
            @Schema(description = "得分, half-up to 2 decimals; null while unscored (and for a not-applicable leaf)", nullable = true) BigDecimal score,
            @Schema(ref = "ScoreExplanation", description = "How the score was computed: rule type, parameters, inputs, formula with the numbers, rule-set version; null for an inner indicator", extensions = @Extension(name = NullableReferences.EXTENSION, value = "true")) JsonNode scoreExplanation,
            @Schema(nullable = true) String reason, @Schema(nullable = true) String measure,
            @Schema(description = "In-year monitoring: CERTAIN 确定能, POSSIBLE 有可能, IMPOSSIBLE 不可能", nullable = true) String likelihood,
            @Schema(nullable = true) String likelihoodReason, @Schema(nullable = true) String likelihoodMeasure) {

        static IndicatorView of(Indicator i) {
            return new IndicatorView(i.code, i.parentCode, i.level, i.name, i.weight, i.explanation, i.unit, i.direction,
                    i.extensible, i.custom, i.rule, i.target, i.targetText, i.actual, i.actualText, i.band,
                    i.proposedScore, i.yes, i.justification, i.notApplicable, i.score, i.scoreExplanation, i.reason,
                    i.measure, i.likelihood, i.likelihoodReason, i.likelihoodMeasure);
        }
    }

    /**
     * The shape of an indicator's score explanation as it is sent (documentation only: the column holds the JSON).
     * A scored leaf has everything but {@code notApplicable}, {@code error} and {@code field}; a not-applicable one
     * {@code notApplicable} and {@code ruleSetVersion}; one that could not be scored {@code error}, {@code field} and
     * {@code ruleSetVersion}.
     */
    @Schema(name = "ScoreExplanation", description = "How a score was obtained (or why there is none)", requiredProperties = "ruleSetVersion")
    public record ScoreExplanation(
            @Schema(description = "The rule's type") RuleType ruleType,
            @Schema(description = "The rule's parameters, by name") Map<String, Object> parameters,
            @Schema(description = "The inputs used, by name (weight, target, actual, band, proposedScore, yes, justification)") Map<String, Object> inputs,
            @Schema(description = "The calculation with the numbers put in", examples = "10 × min(93 ÷ 100, 1) = 9.30") String formula,
            @Schema(description = "The score before rounding") BigDecimal rawScore,
            @Schema(description = "The score, half-up to two decimals") BigDecimal score,
            @Schema(description = "The rule set the rule came from", examples = "GZ-DEPT-COMMON/v1") String ruleSetVersion,
            @Schema(description = "Remarks for the reader") List<String> notes,
            @Schema(description = "What a reviewer should look at") List<Flag> flags,
            @Schema(description = "The indicator is not applicable (no score)") Boolean notApplicable,
            @Schema(description = "Why the indicator could not be scored") String error,
            @Schema(description = "The value that kept it from being scored") String field) {
    }

    @Schema(name = "WorkflowStep")
    public record StepView(
            @Schema(description = "The status before; null for the first step", nullable = true) Evaluation.Status from,
            Evaluation.Status to, String actor, OffsetDateTime at, @Schema(nullable = true) String comment) {
    }

    @Schema(name = "AuditEntry")
    public record AuditView(long id, String actor, OffsetDateTime at, String action,
            @Schema(implementation = Object.class, type = SchemaType.OBJECT, description = "What changed, by action (e.g. indicator, before, after)", nullable = true) JsonNode detail) {
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
