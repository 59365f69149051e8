package gov.budgetperf.evaluation.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import gov.budgetperf.evaluation.budgetfeed.BudgetFigures;
import gov.budgetperf.evaluation.evaluation.EvaluationViews.Finding;
import gov.budgetperf.evaluation.evaluation.EvaluationViews.Severity;
import gov.budgetperf.evaluation.scoring.GradeBands;

/** The checks before submission (DESIGN §4), each finding with a severity and a location. */
@ApplicationScoped
public class EvaluationChecks {

    static final BigDecimal NINETY = new BigDecimal("0.90");

    @Inject
    EvaluationScoring scoring;

    public List<Finding> check(Evaluation e) {
        List<Finding> out = new ArrayList<>();
        for (EvaluationScoring.Unscored u : scoring.rescore(e)) {
            out.add(new Finding(Severity.ERROR, "NOT_SCORED", u.code(), "无法计分（" + u.field() + "）：" + u.message()));
        }
        weights(e, out);
        for (Indicator i : e.leaves()) {
            if (i.notApplicable || i.score == null) {
                continue;
            }
            if (i.score.signum() < 0 || i.score.compareTo(i.weight) > 0) {
                out.add(new Finding(Severity.ERROR, "SCORE_OUT_OF_RANGE", i.code,
                        "得分 " + i.score + " 不在 [0, " + i.weight + "]"));
            }
            if (i.score.compareTo(i.weight) < 0 && (blank(i.reason) || blank(i.measure))) {
                out.add(new Finding(Severity.ERROR, "REASON_MISSING", i.code,
                        "得分 " + i.score + " 低于分值 " + i.weight + "：须填写未达标原因和改进措施"));
            }
            if (isBudgetLinked(i) && i.actual != null
                    && (i.actual.compareTo(NINETY) < 0 || i.actual.compareTo(BigDecimal.ONE) > 0) && blank(i.reason)) {
                out.add(new Finding(Severity.ERROR, "EXECUTION_RATE_UNEXPLAINED", i.code,
                        "执行率 " + i.actual.movePointRight(2).stripTrailingZeros().toPlainString()
                                + "% 低于 90% 或高于 100%：须说明原因"));
            }
            JsonNode flags = i.scoreExplanation == null ? null : i.scoreExplanation.get("flags");
            if (flags != null && flags.toString().contains("TARGET_TOO_LOW")) {
                out.add(new Finding(Severity.WARNING, "TARGET_TOO_LOW", i.code, "实际完成值远超指标值：目标设置偏低"));
            }
        }
        if (e.total != null) {
            GradeBands bands = scoring.bands(e);
            if (!bands.grade(e.total).equals(e.grade)) {
                out.add(new Finding(Severity.ERROR, "GRADE_MISMATCH", "evaluation",
                        "等级 " + e.grade + " 与总分 " + e.total + " 不符"));
            }
        }
        BudgetFigures.of(e.departmentCode, e.fiscalYear, "").ifPresent(f -> {
            figures(f.metrics, out);
            declared(e, f.metrics, out);
        });
        if (e.budgetChangedAfterSubmission) {
            out.add(new Finding(Severity.WARNING, "BUDGET_CHANGED_AFTER_SUBMISSION", "evaluation",
                    "提交后预算数据发生变化，请复核与预算挂钩的指标"));
        }
        return out;
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

    /** basic + project = total expenditure, personnel + public funds = basic (as budget.events reported them). */
    private static void figures(JsonNode m, List<Finding> out) {
        if (m == null || !m.hasNonNull("actualExpenditure")) {
            return;
        }
        BigDecimal basic = m.get("basicExpenditure").decimalValue();
        if (basic.add(m.get("projectExpenditure").decimalValue()).compareTo(m.get("actualExpenditure").decimalValue()) != 0) {
            out.add(new Finding(Severity.ERROR, "EXPENDITURE_SPLIT", "budget", "基本支出 + 项目支出 ≠ 支出合计"));
        }
        if (m.get("personnelExpenditure").decimalValue().add(m.get("publicFundsExpenditure").decimalValue())
                .compareTo(basic) != 0) {
            out.add(new Finding(Severity.ERROR, "BASIC_SPLIT", "budget", "人员经费 + 公用经费 ≠ 基本支出"));
        }
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

    static boolean isBudgetLinked(Indicator i) {
        return i.rule != null && "BUDGET_LINKED".equals(i.rule.path("type").asText());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank() || "\\".equals(s.trim());
    }
}
