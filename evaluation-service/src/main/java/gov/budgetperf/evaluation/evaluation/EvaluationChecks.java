package gov.budgetperf.evaluation.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import gov.budgetperf.evaluation.budgetfeed.BudgetFigures;
import gov.budgetperf.evaluation.evaluation.EvaluationViews.Finding;
import gov.budgetperf.evaluation.evaluation.EvaluationViews.Severity;
import gov.budgetperf.evaluation.ruleset.RuleSet;
import gov.budgetperf.evaluation.ruleset.RuleSetValidator;
import gov.budgetperf.evaluation.scoring.Flag;
import gov.budgetperf.evaluation.scoring.MetricPath;
import gov.budgetperf.evaluation.scoring.ScoringRule;

/**
 * The checks before submission (DESIGN §4), each finding with a severity and a location. Every check here can fire on
 * what a department enters or on the figures budget-service sends; the figures the service computes itself (splits of
 * computed expenditure, the grade of the total it has just computed, scores the engine clamps) are not re-checked.
 */
@ApplicationScoped
public class EvaluationChecks {

    /** The execution rates that need an explanation lie outside [90 %, 100 %] (displayed percent). */
    static final BigDecimal EXECUTION_LOW = new BigDecimal("90");
    static final BigDecimal EXECUTION_HIGH = new BigDecimal("100");

    @Inject
    EvaluationScoring scoring;

    public List<Finding> check(Evaluation e) {
        List<Finding> out = new ArrayList<>();
        for (EvaluationScoring.Unscored u : scoring.rescore(e)) {
            out.add(new Finding(Severity.ERROR, "NOT_SCORED", u.code(), "无法计分（" + u.field() + "）：" + u.message()));
        }
        weights(e, out);
        boolean ownRateOnAnIndicator = false;
        for (Indicator i : e.leaves()) {
            ScoringRule rule = rule(i);
            String contradiction = RuleSetValidator.contradiction(i.direction, rule);
            if (contradiction != null) {
                out.add(new Finding(Severity.ERROR, "DIRECTION_CONTRADICTS_RULE", i.code,
                        "指标方向与计分规则矛盾：" + contradiction));
            }
            if (i.notApplicable) {
                if (blank(i.reason)) {
                    out.add(new Finding(Severity.ERROR, "NOT_APPLICABLE_UNEXPLAINED", i.code,
                            i.name + " 标记为不适用：须说明原因"));
                }
                continue;
            }
            MetricPath metric = EvaluationService.metricPath(i);
            boolean executionRate = metric != null && metric.isExecutionRate();
            if (executionRate && metric.readsProject(e.projectCode != null) == (e.projectCode != null)) {
                ownRateOnAnIndicator = true; // this indicator carries the subject's own execution rate and its reason
            }
            if (i.score == null) {
                continue;
            }
            if (flagged(i, Flag.SHORT_OF_TARGET) && (blank(i.reason) || blank(i.measure))) {
                out.add(new Finding(Severity.ERROR, "REASON_MISSING", i.code,
                        shortfall(i, rule) + "：须填写未达标原因和改进措施"));
            }
            if (executionRate && i.actual != null && outsideBand(i.actual) && (blank(i.reason) || blank(i.measure))) {
                out.add(new Finding(Severity.ERROR, "EXECUTION_RATE_UNEXPLAINED", i.code,
                        "执行率 " + percent(i.actual) + "% 低于 90% 或高于 100%：须说明原因并填写改进措施"));
            }
            if (flagged(i, Flag.TARGET_TOO_LOW)) {
                out.add(new Finding(Severity.WARNING, "TARGET_TOO_LOW", i.code, "实际完成值远超指标值：目标设置偏低"));
            }
        }
        executionRates(e, ownRateOnAnIndicator, out);
        BudgetFigures.of(e.departmentCode, e.fiscalYear, "").ifPresent(f -> declared(e, f.metrics, out));
        if (e.budgetChangedAfterSubmission) {
            out.add(new Finding(Severity.WARNING, "BUDGET_CHANGED_AFTER_SUBMISSION", "evaluation",
                    "提交后预算数据发生变化，请复核与预算挂钩的指标"));
        }
        return out;
    }

    /**
     * The execution rates of the stored budget figures that no indicator explains: the subject's own (the department's,
     * or a project evaluation's project) when no applicable budget-linked execution-rate indicator carries it, and each
     * project of a department evaluation. Each outside 90–100 % needs a reason and a measure in the evaluation's
     * execution explanations.
     */
    private static void executionRates(Evaluation e, boolean ownRateOnAnIndicator, List<Finding> out) {
        JsonNode explained = e.executionExplanations;
        if (!ownRateOnAnIndicator) {
            BudgetFigures.of(e.departmentCode, e.fiscalYear, e.projectCode == null ? "" : e.projectCode).ifPresent(f -> {
                BigDecimal rate = MetricPath.percent(f.metrics.path("executionRate"));
                if (rate != null && outsideBand(rate) && !explained(explained == null ? null : explained.path("subject"))) {
                    out.add(new Finding(Severity.ERROR, "EXECUTION_RATE_UNEXPLAINED", "evaluation",
                            (e.projectCode == null ? "部门预算执行率 " : "项目 " + e.projectCode + " 执行率 ") + percent(rate)
                                    + "% 低于 90% 或高于 100%：须在执行率说明中填写原因和改进措施"));
                }
            });
        }
        if (e.subjectType != RuleSet.SubjectType.DEPARTMENT) {
            return;
        }
        List<BudgetFigures> projects = BudgetFigures.list(
                "key.departmentCode = ?1 and key.fiscalYear = ?2 and key.projectCode <> '' order by key.projectCode",
                e.departmentCode, e.fiscalYear);
        for (BudgetFigures p : projects) {
            String code = p.key.projectCode();
            BigDecimal rate = MetricPath.percent(p.metrics.path("executionRate"));
            if (rate != null && outsideBand(rate)
                    && !explained(explained == null ? null : explained.path("projects").path(code))) {
                out.add(new Finding(Severity.ERROR, "EXECUTION_RATE_UNEXPLAINED", "project:" + code,
                        "项目 " + code + " 执行率 " + percent(rate) + "% 低于 90% 或高于 100%：须在执行率说明中填写原因和改进措施"));
            }
        }
    }

    /** Children weigh what their parent weighs (an open node's children count towards its first-level parent). */
    private static void weights(Evaluation e, List<Finding> out) {
        for (Indicator n : e.indicators) {
            if (n.rule != null || n.weight == null) {
                continue;
            }
            BigDecimal sum = leafWeight(e, n);
            if (sum.compareTo(n.weight) != 0) {
                out.add(new Finding(Severity.ERROR, "WEIGHTS_DO_NOT_ADD_UP", n.code,
                        n.name + "：下级指标分值合计 " + sum.stripTrailingZeros().toPlainString() + "，应为 "
                                + n.weight.stripTrailingZeros().toPlainString()));
            }
        }
    }

    private static BigDecimal leafWeight(Evaluation e, Indicator n) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Indicator c : e.children(n.code)) {
            sum = sum.add(c.rule != null ? c.weight : (c.weight != null ? c.weight : leafWeight(e, c)));
        }
        return sum;
    }

    /** A rate typed into the form must be the one the figures give (e.g. 天河: 0.00% typed, 0.05% computed). */
    private static void declared(Evaluation e, JsonNode m, List<Finding> out) {
        if (e.declaredRates == null) {
            return;
        }
        e.declaredRates.forEach((metric, typed) -> {
            JsonNode percent = m.path(EvaluationService.camel(metric)).path("percent");
            if (percent.isMissingNode() || percent.isNull()) {
                out.add(new Finding(Severity.WARNING, "DECLARED_RATE_UNKNOWN", metric, "预算数据中没有 " + metric));
            } else if (percent.decimalValue().compareTo(typed) != 0) {
                out.add(new Finding(Severity.ERROR, "DECLARED_RATE_MISMATCH", metric, "表中填写 "
                        + typed.toPlainString() + "%，按预算数据计算为 " + percent.decimalValue().toPlainString() + "%"));
            }
        });
    }

    /** What the indicator falls short of, as the form would say it. */
    private static String shortfall(Indicator i, ScoringRule rule) {
        if (i.actual == null) {
            return "得分 " + i.score.toPlainString() + " 低于分值 " + plain(i.weight) + "（未完全达成）";
        }
        String target;
        if (i.targetText != null && !i.targetText.isBlank()) {
            target = i.targetText;
        } else if (rule instanceof ScoringRule.BudgetLinked b) {
            target = b.direction().sign() + plain(b.targetPercent()) + "%";
        } else if (i.target != null && rule != null && rule.scoredDirection() != null) {
            target = rule.scoredDirection().sign() + plain(i.target);
        } else if (rule instanceof ScoringRule.ThresholdSteps t) {
            target = "≥" + plain(t.threshold());
        } else if (rule instanceof ScoringRule.LinearDeduction l) {
            target = "≤" + plain(l.limit());
        } else {
            target = i.target == null ? "" : plain(i.target);
        }
        return "实际完成值 " + plain(i.actual) + (i.unit == null || EvaluationChecks.isBudgetLinked(i) ? "" : i.unit)
                + (EvaluationChecks.isBudgetLinked(i) ? "%" : "") + " 未达到指标值 " + target;
    }

    private ScoringRule rule(Indicator i) {
        try {
            return scoring.rule(i.rule);
        } catch (Exception ex) {
            return null; // reported as NOT_SCORED
        }
    }

    private static boolean flagged(Indicator i, Flag flag) {
        JsonNode flags = i.scoreExplanation == null ? null : i.scoreExplanation.get("flags");
        if (flags == null) {
            return false;
        }
        for (JsonNode f : flags) {
            if (flag.name().equals(f.asText())) {
                return true;
            }
        }
        return false;
    }

    /** Below 90 % or above 100 %, compared as displayed (half-up to two decimals). */
    private static boolean outsideBand(BigDecimal percent) {
        BigDecimal shown = percent.setScale(2, RoundingMode.HALF_UP);
        return shown.compareTo(EXECUTION_LOW) < 0 || shown.compareTo(EXECUTION_HIGH) > 0;
    }

    private static String percent(BigDecimal percent) {
        return percent.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** A reason and a measure were given. */
    private static boolean explained(JsonNode entry) {
        return entry != null && !blank(entry.path("reason").asText(null)) && !blank(entry.path("measure").asText(null));
    }

    static boolean isBudgetLinked(Indicator i) {
        return i.rule != null && "BUDGET_LINKED".equals(i.rule.path("type").asText());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank() || "\\".equals(s.trim());
    }
}
