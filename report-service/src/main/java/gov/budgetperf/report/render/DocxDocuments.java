package gov.budgetperf.report.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import gov.budgetperf.report.content.Figures;
import gov.budgetperf.report.content.ReportData.Budget;
import gov.budgetperf.report.content.ReportData.DepartmentReport;
import gov.budgetperf.report.content.ReportData.Evaluation;
import gov.budgetperf.report.content.ReportData.Indicator;
import gov.budgetperf.report.content.ReportData.Project;
import gov.budgetperf.report.content.ReportData.ProjectLine;
import gov.budgetperf.report.content.ReportData.ProjectReport;
import gov.budgetperf.report.content.ReportData.Task;
import gov.budgetperf.report.content.SectionKey;
import gov.budgetperf.report.content.WanTotals;
import gov.budgetperf.report.render.DocxTable.Cell;
import gov.budgetperf.report.render.DocxTable.Merge;

/**
 * The Word documents: the 部门整体支出绩效自评报告 with the outline of the 花都 seed (its annex the 自评表 as Word tables)
 * and the 项目绩效评价报告 (DESIGN §5). Narratives print a paragraph per line, "（未填写）" when a section was not
 * written; the figures print through {@link Figures} and are never computed here.
 */
@ApplicationScoped
public class DocxDocuments {

    static final String NO_BUDGET = "（暂无预算数据）";
    static final String NO_EVALUATION = "（暂无评价结果）";

    /** The annex indicator table: 一级 … 改进措施 (twips, adding up to the text width). */
    private static final int[] FORM_INDICATOR_WIDTHS = {900, 1000, 1500, 600, 1000, 1000, 700, 1469, 1469};
    /** The project report's indicator table: 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分. */
    private static final int[] PROJECT_INDICATOR_WIDTHS = {1200, 1300, 2038, 1500, 1500, 1000, 1100};

    public DocxDocuments() {
    }

    /** 部门整体支出绩效自评报告. */
    public byte[] departmentReport(DepartmentReport r) {
        try (DocxWriter w = new DocxWriter()) {
            String name = XlsxDocuments.departmentName(r.department());
            w.title(name + r.fiscalYear() + "年度部门整体支出绩效自评报告");

            w.heading(1, "一、基本情况");
            w.heading(2, "（一）部门概况");
            w.heading(3, "1." + SectionKey.FUNCTIONS.title());
            w.narrative(r.section(SectionKey.FUNCTIONS));
            w.heading(3, "2." + SectionKey.ORGANISATION.title());
            w.narrative(r.section(SectionKey.ORGANISATION));
            w.heading(2, "（二）" + SectionKey.ANNUAL_WORK.title());
            w.narrative(r.section(SectionKey.ANNUAL_WORK));
            w.heading(2, "（三）部门整体收支情况");
            for (String sentence : budgetSentences(r.fiscalYear(), r.budget())) {
                w.paragraph(sentence);
            }
            if (WanTotals.budgetText(r.budget())) {
                w.note(WanTotals.NOTE);
            }
            w.heading(2, "（四）" + SectionKey.PERFORMANCE_MANAGEMENT.title());
            w.narrative(r.section(SectionKey.PERFORMANCE_MANAGEMENT));

            w.heading(1, "二、综合评价分析");
            w.heading(2, "（一）" + SectionKey.CONCLUSION.title());
            w.paragraph(conclusion(r.evaluation(), "部门整体支出绩效"));
            w.narrativeIfAny(r.section(SectionKey.CONCLUSION));
            w.heading(2, "（二）" + SectionKey.TASK_ANALYSIS.title());
            boolean tasks = tasksTable(w, r.tasks());
            if (!w.narrativeIfAny(r.section(SectionKey.TASK_ANALYSIS)) && !tasks) {
                w.narrative(null);
            }
            w.heading(2, "（三）" + SectionKey.KEY_PROJECTS.title());
            boolean projects = projects(w, r.projects());
            if (!w.narrativeIfAny(r.section(SectionKey.KEY_PROJECTS)) && !projects) {
                w.narrative(null);
            }
            w.heading(2, "（四）" + SectionKey.ACHIEVEMENTS.title());
            w.narrative(r.section(SectionKey.ACHIEVEMENTS));

            w.heading(1, "三、" + SectionKey.PROBLEMS.title());
            w.narrative(r.section(SectionKey.PROBLEMS));
            w.heading(1, "四、" + SectionKey.IMPROVEMENTS.title());
            w.narrative(r.section(SectionKey.IMPROVEMENTS));

            w.heading(1, "五、附件");
            w.caption(r.fiscalYear() + "年度" + name + "部门整体支出绩效自评表");
            w.unitNote("单位：万元");
            formTable(w, r);
            if (WanTotals.budgetBlock(r.budget())) {
                w.note(WanTotals.NOTE);
            }
            w.gap();
            formIndicatorTable(w, r.evaluation());
            return w.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 项目绩效评价报告. */
    public byte[] projectReport(ProjectReport r) {
        try (DocxWriter w = new DocxWriter()) {
            Project p = r.project();
            String projectName = p == null ? "" : Figures.text(p.name());
            w.title(projectName + "项目绩效评价报告");
            w.subtitle(XlsxDocuments.departmentName(r.department()) + "　" + r.fiscalYear() + "年度");

            w.heading(1, "一、项目概况");
            w.heading(2, "（一）" + SectionKey.PROJECT_BACKGROUND.title());
            w.narrative(r.section(SectionKey.PROJECT_BACKGROUND));
            w.heading(2, "（二）" + SectionKey.PROJECT_BASIS.title());
            w.narrative(r.section(SectionKey.PROJECT_BASIS));
            w.heading(2, "（三）" + SectionKey.PROJECT_GOALS.title());
            w.narrative(r.section(SectionKey.PROJECT_GOALS));
            w.heading(2, "（四）" + SectionKey.FUNDING_USE.title());
            w.paragraph(fundingSentence(r.fiscalYear(), p));
            if (p != null) {
                fundingTable(w, p);
                if (WanTotals.projectFunds(p)) {
                    w.note(WanTotals.NOTE);
                }
            }
            w.narrativeIfAny(r.section(SectionKey.FUNDING_USE));
            w.heading(2, "（五）" + SectionKey.IMPLEMENTATION.title());
            w.narrative(r.section(SectionKey.IMPLEMENTATION));

            w.heading(1, "二、" + SectionKey.EVALUATION_OVERVIEW.title());
            w.narrative(r.section(SectionKey.EVALUATION_OVERVIEW));

            w.heading(1, "三、评价结论");
            w.paragraph(conclusion(r.evaluation(), "该项目"));
            w.narrativeIfAny(r.section(SectionKey.CONCLUSION));
            w.caption("项目绩效评价指标得分情况");
            projectIndicatorTable(w, r.evaluation());

            w.heading(1, "四、存在的问题");
            w.narrative(r.section(SectionKey.PROBLEMS));
            w.heading(1, "五、改进措施");
            w.narrative(r.section(SectionKey.IMPROVEMENTS));
            return w.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    /** 部门整体收支情况 from the budget figures; clauses whose figure is missing are left out. */
    static List<String> budgetSentences(int year, Budget b) {
        if (b == null) {
            return List.of(NO_BUDGET);
        }
        List<String> sentences = new ArrayList<>();
        String first = clauses(year + "年部门", clause("年初预算", wan(b.initialBudget())),
                clause("年度预算调整数", wan(b.adjustmentTotal())), clause("调整后预算", wan(b.adjustedBudget())),
                clause("实际支出", wan(b.actualExpenditure())), clause("预算执行率", Figures.percent(b.executionRate())),
                clause("预算调整率", Figures.percent(b.adjustmentRate())));
        String basic = b.basicExpenditure() == null ? null : "基本支出" + Figures.wan(b.basicExpenditure()) + "万元";
        String basicParts = clauses("", clause("人员经费", wan(b.personnelExpenditure())),
                clause("日常公用经费", wan(b.publicFundsExpenditure())));
        if (basic != null && basicParts != null) {
            basic += "（其中" + basicParts.replace('，', '、') + "）";
        }
        String second = clauses("实际支出中，", basic, clause("项目支出", wan(b.projectExpenditure())));
        StringBuilder paragraph = new StringBuilder();
        if (first != null) {
            paragraph.append(first).append('。');
        }
        if (second != null) {
            paragraph.append(second).append('。');
        }
        if (b.actualByFundingSource() != null && !b.actualByFundingSource().isEmpty()) {
            List<String> sources = new ArrayList<>();
            b.actualByFundingSource().forEach((k, v) -> sources.add(Figures.text(k) + Figures.wan(v) + "万元"));
            paragraph.append("按资金来源分，").append(String.join("、", sources)).append('。');
        }
        String carry = clauses("", clause("年末结转结余", wan(b.carryOver())));
        if (carry != null) {
            paragraph.append(carry).append('。');
        }
        String threePublic = clauses("“三公”经费", clause("预算", wan(b.threePublicBudget())),
                clause("实际支出", wan(b.threePublicActual())));
        if (threePublic != null) {
            paragraph.append(threePublic).append('。');
        }
        sentences.add(paragraph.length() == 0 ? NO_BUDGET : paragraph.toString());
        return sentences;
    }

    /** The project's 资金安排及使用情况 sentence. */
    static String fundingSentence(int year, Project p) {
        if (p == null) {
            return NO_BUDGET;
        }
        String s = clauses(year + "年该项目", clause("年初预算", wan(p.initialBudget())),
                clause("追加", wan(p.additions())), clause("调减", wan(p.reductions())),
                clause("划出", wan(p.transfersOut())), clause("调整后预算", wan(p.adjustedBudget())),
                clause("实际执行", wan(p.executed())), clause("预算执行率", Figures.percent(p.executionRate())));
        return s == null ? NO_BUDGET : s + "。";
    }

    /** "经自评，{subject}自评得分{total}分，评价等级为“{grade}”。" (评价得分 for an evaluation that is not a self-evaluation). */
    static String conclusion(Evaluation e, String subject) {
        if (e == null || e.total() == null) {
            return subject + "尚无评价结果。";
        }
        boolean self = e.kind() == null || "SELF".equalsIgnoreCase(e.kind());
        String s = (self ? "经自评，" : "经评价，") + subject + (self ? "自评得分" : "评价得分") + Figures.score(e.total()) + "分";
        if (e.grade() != null && !e.grade().isEmpty()) {
            s += "，评价等级为“" + e.grade() + "”";
        }
        return s + "。";
    }

    private static String wan(BigDecimal yuan) {
        return yuan == null ? null : Figures.wan(yuan) + "万元";
    }

    private static String clause(String label, String value) {
        return value == null || value.isEmpty() ? null : label + value;
    }

    /** The non-null clauses joined with "，" after the prefix; null when there is none. */
    private static String clauses(String prefix, String... clauses) {
        List<String> present = new ArrayList<>();
        for (String c : clauses) {
            if (c != null) {
                present.add(c);
            }
        }
        return present.isEmpty() ? null : prefix + String.join("，", present);
    }

    /** The 主要任务 table; false when there are no tasks. */
    private static boolean tasksTable(DocxWriter w, List<Task> tasks) {
        if (tasks == null || tasks.isEmpty()) {
            return false;
        }
        DocxTable t = w.table(1700, 1800, 1400, 1700, 1638, 1400).fontSize(DocxWriter.TABLE_PT);
        t.header("任务", "预期目标", "目标完成情况", "关键指标", "指标完成情况", "任务涉及资金（万元）");
        for (Task task : tasks) {
            t.row(Cell.of(task.name()), Cell.of(task.expectedGoal()), Cell.of(task.achievement()),
                    Cell.of(task.keyIndicator()), Cell.of(task.indicatorResult()), Cell.center(Figures.wan(task.funds())));
        }
        w.gap();
        return true;
    }

    /** The key projects: a sentence each (as the 花都 seed writes them), then a table; false when there is none. */
    private static boolean projects(DocxWriter w, List<ProjectLine> projects) {
        if (projects == null || projects.isEmpty()) {
            return false;
        }
        int i = 1;
        for (ProjectLine p : projects) {
            String s = clauses(i++ + "." + Figures.text(p.name()) + "：", clause("全年预算数为", wan(p.adjustedBudget())),
                    clause("执行数为", wan(p.executed())), clause("完成预算的", Figures.percent(p.executionRate())));
            w.paragraph(s == null ? i - 1 + "." + Figures.text(p.name()) : s + "。");
        }
        DocxTable t = w.table(800, 4238, 1600, 1600, 1400).fontSize(DocxWriter.TABLE_PT);
        t.header("序号", "项目名称", "调整后预算（万元）", "执行数（万元）", "执行率");
        i = 1;
        for (ProjectLine p : projects) {
            t.row(Cell.center(String.valueOf(i++)), Cell.of(p.name()), Cell.center(Figures.wan(p.adjustedBudget())),
                    Cell.center(Figures.wan(p.executed())), Cell.center(Figures.percent(p.executionRate())));
        }
        w.gap();
        return true;
    }

    /** The project's funding as a one-row table. */
    private static void fundingTable(DocxWriter w, Project p) {
        w.unitNote("单位：万元");
        DocxTable t = w.table(1400, 1300, 1300, 1300, 1500, 1400, 1438).fontSize(DocxWriter.TABLE_PT);
        t.header("年初预算", "调整（追加）", "调整（调减）", "调整（划出）", "调整后预算", "执行数", "执行率");
        t.row(Cell.center(Figures.wan(p.initialBudget())), Cell.center(Figures.wan(p.additions())),
                Cell.center(Figures.wan(p.reductions())), Cell.center(Figures.wan(p.transfersOut())),
                Cell.center(Figures.wan(p.adjustedBudget())), Cell.center(Figures.wan(p.executed())),
                Cell.center(Figures.percent(p.executionRate())));
        w.gap();
    }

    /** The annex form's upper part: 部门名称, 部门资金情况 and 年度目标. */
    private static void formTable(DocxWriter w, DepartmentReport r) {
        Budget b = r.budget();
        DocxTable t = w.table(2400, 2419, 2400, 2419).fontSize(DocxWriter.TABLE_PT);
        t.row(Cell.label("部门名称"), Cell.center(XlsxDocuments.departmentName(r.department())), Cell.label("被评价年度"),
                Cell.center(r.fiscalYear() + "年"));
        t.row(Cell.head("部门资金情况").span(4));
        t.row(Cell.label("部门调整预算收入"), Cell.center(b == null ? "" : Figures.wan(b.adjustedBudget())),
                Cell.label("部门年初预算收入"), Cell.center(b == null ? "" : Figures.wan(b.initialBudget())));
        t.row(Cell.label("实际支出数"), Cell.center(b == null ? "" : Figures.wan(b.actualExpenditure())), Cell.label("年度预算调整数"),
                Cell.center(b == null ? "" : Figures.wan(b.adjustmentTotal())));
        Map<String, BigDecimal> sources = b == null || b.actualByFundingSource() == null
                ? Map.of()
                : b.actualByFundingSource();
        if (sources.isEmpty()) {
            t.row(Cell.label("其中：一般公共预算"), Cell.center(""), Cell.of("").span(2));
        }
        boolean first = true;
        for (Map.Entry<String, BigDecimal> source : sources.entrySet()) {
            t.row(Cell.label((first ? "其中：" : "") + Figures.text(source.getKey())), Cell.center(Figures.wan(source.getValue())),
                    Cell.of("").span(2));
            first = false;
        }
        t.row(Cell.label("预算完成率"), Cell.center(b == null ? "" : Figures.percent(b.executionRate())), Cell.label("预算调整率"),
                Cell.center(b == null ? "" : Figures.percent(b.adjustmentRate())));
        t.row(Cell.head("部门整体支出的预期目标").span(2), Cell.head("部门整体支出的目标完成情况").span(2));
        t.row(Cell.of(r.section(SectionKey.ANNUAL_GOALS)).span(2),
                Cell.of(r.section(SectionKey.GOAL_ACHIEVEMENT)).span(2));
    }

    /** The annex form's indicator table (levels merged), 总分 and 评价等级. */
    private static void formIndicatorTable(DocxWriter w, Evaluation e) {
        DocxTable t = w.table(FORM_INDICATOR_WIDTHS).fontSize(DocxWriter.SMALL_PT);
        t.header("一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", "未达标原因", "改进措施");
        List<XlsxIndicatorRows.Line> lines = XlsxIndicatorRows.of(e);
        Merge[] level1 = merges(lines.size(), XlsxIndicatorRows.level1Runs(lines));
        Merge[] level2 = merges(lines.size(), XlsxIndicatorRows.level2Runs(lines));
        for (int i = 0; i < lines.size(); i++) {
            XlsxIndicatorRows.Line line = lines.get(i);
            Indicator leaf = line.leaf();
            t.row(Cell.center(line.level1().name()).merge(level1[i]),
                    Cell.center(line.level2() == null ? "" : line.level2().name()).merge(level2[i]),
                    Cell.of(line.leafName()), Cell.center(Figures.weight(leaf.weight())), Cell.center(leaf.target()),
                    Cell.center(actual(leaf)), Cell.center(score(leaf)), Cell.of(leaf.reason()),
                    Cell.of(leaf.measure()));
        }
        if (lines.isEmpty()) {
            t.row(Cell.center(NO_EVALUATION).span(9));
        }
        totals(t, e, 6, 3, 9);
    }

    /** The project report's indicator table: 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分. */
    private static void projectIndicatorTable(DocxWriter w, Evaluation e) {
        DocxTable t = w.table(PROJECT_INDICATOR_WIDTHS).fontSize(DocxWriter.TABLE_PT);
        t.header("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分");
        List<XlsxIndicatorRows.Line> lines = XlsxIndicatorRows.of(e);
        Merge[] level1 = merges(lines.size(), XlsxIndicatorRows.level1Runs(lines));
        Merge[] level2 = merges(lines.size(), XlsxIndicatorRows.level2Runs(lines));
        for (int i = 0; i < lines.size(); i++) {
            XlsxIndicatorRows.Line line = lines.get(i);
            Indicator leaf = line.leaf();
            t.row(Cell.center(line.level1().name()).merge(level1[i]),
                    Cell.center(line.level2() == null ? "" : line.level2().name()).merge(level2[i]),
                    Cell.of(line.leafName()), Cell.center(leaf.target()), Cell.center(actual(leaf)),
                    Cell.center(Figures.weight(leaf.weight())), Cell.center(score(leaf)));
        }
        if (lines.isEmpty()) {
            t.row(Cell.center(NO_EVALUATION).span(7));
        }
        totals(t, e, 6, 3, 7);
    }

    /** 总分 (label over {@code labelSpan} columns, the total in the next) and 评价等级 rows. */
    private static void totals(DocxTable t, Evaluation e, int labelSpan, int gradeLabelSpan, int columns) {
        String total = e == null ? "" : Figures.score(e.total());
        Cell label = Cell.label("总分").span(labelSpan);
        Cell value = Cell.label(total);
        if (columns - labelSpan - 1 > 0) {
            t.row(label, value, Cell.of("").span(columns - labelSpan - 1));
        } else {
            t.row(label, value);
        }
        String grade = e == null ? "" : Figures.text(e.grade());
        String marks = XlsxDocuments.gradeMarks(grade);
        t.row(Cell.label("评价等级").span(gradeLabelSpan), Cell.label(grade),
                Cell.center(marks).span(columns - gradeLabelSpan - 1));
        if (e != null && e.rescaled()) {
            t.row(Cell.of("注：部分指标不适用，总分已按适用指标的分值折算。").span(columns));
        }
    }

    /** Per line: RESTART at the first line of a merged run, CONTINUE in the rest, NONE outside runs. */
    private static Merge[] merges(int size, List<XlsxIndicatorRows.Run> runs) {
        Merge[] merges = new Merge[size];
        Arrays.fill(merges, Merge.NONE);
        for (XlsxIndicatorRows.Run run : runs) {
            if (run.merged()) {
                merges[run.first()] = Merge.RESTART;
                for (int i = run.first() + 1; i <= run.last(); i++) {
                    merges[i] = Merge.CONTINUE;
                }
            }
        }
        return merges;
    }

    private static String actual(Indicator leaf) {
        String actual = Figures.text(leaf.actual());
        return leaf.notApplicable() && actual.isEmpty() ? XlsxDocuments.NOT_APPLICABLE : actual;
    }

    private static String score(Indicator leaf) {
        return leaf.notApplicable() ? XlsxDocuments.NOT_APPLICABLE : Figures.score(leaf.score());
    }
}
