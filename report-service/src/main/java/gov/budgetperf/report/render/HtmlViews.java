package gov.budgetperf.report.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import gov.budgetperf.report.content.Figures;
import gov.budgetperf.report.content.ReportData.Budget;
import gov.budgetperf.report.content.ReportData.DepartmentReport;
import gov.budgetperf.report.content.ReportData.Evaluation;
import gov.budgetperf.report.content.ReportData.Project;
import gov.budgetperf.report.content.ReportData.ProjectLine;
import gov.budgetperf.report.content.ReportData.ProjectReport;
import gov.budgetperf.report.content.ReportData.RegionSummary;
import gov.budgetperf.report.content.ReportData.SummaryLine;
import gov.budgetperf.report.content.ReportData.Task;
import gov.budgetperf.report.content.SectionKey;
import gov.budgetperf.report.content.WanTotals;

/**
 * What the HTML templates print, built from {@link gov.budgetperf.report.content.ReportData}: every figure already
 * formatted with {@link Figures} (万元 to two decimals, rates with %), every missing value an empty string, so the
 * templates only lay text out and never call a formatter, an enum or a method with arguments (which keeps them
 * working alike in Quarkus and on a standalone Qute engine). The sentences that describe figures (部门整体收支情况,
 * 项目资金安排, 自评结论) are written here too, so the DOCX writer can say the same.
 */
final class HtmlViews {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The grades a form offers to tick, as the seeds print them (the bounds are the rule set's, not printed). */
    private static final List<String> GRADES = List.of("优", "良", "中", "差");

    private HtmlViews() {
    }

    // ------------------------------------------------------------------ common parts

    /** A narrative section: its title and paragraphs (one per non-blank line); empty when not written. */
    record Section(String title, List<String> paragraphs) {

        public boolean empty() {
            return paragraphs.isEmpty();
        }
    }

    /** A grade of the 评价等级 line, ticked when it is the evaluation's grade. */
    record GradeMark(String name, boolean checked) {
    }

    /** The indicator table of a form or report, with the total and the grade. */
    record IndicatorTable(List<HtmlIndicatorRows.Row> rows, String total, String grade, List<GradeMark> grades,
            boolean rescaled) {

        public boolean empty() {
            return rows.isEmpty();
        }
    }

    static Section section(SectionKey key, String text) {
        return new Section(key.title(), paragraphs(text));
    }

    /** The non-blank lines of a text, stripped. */
    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    static IndicatorTable indicators(Evaluation evaluation) {
        if (evaluation == null) {
            return new IndicatorTable(List.of(), "", "", marks(null), false);
        }
        return new IndicatorTable(HtmlIndicatorRows.of(evaluation), Figures.score(evaluation.total()),
                Figures.text(evaluation.grade()), marks(evaluation.grade()), evaluation.rescaled());
    }

    private static List<GradeMark> marks(String grade) {
        List<GradeMark> marks = new ArrayList<>();
        for (String g : GRADES) {
            marks.add(new GradeMark(g, g.equals(grade)));
        }
        if (grade != null && !grade.isBlank() && !GRADES.contains(grade)) {
            marks.add(new GradeMark(grade, true));
        }
        return marks;
    }

    private static String year(int fiscalYear) {
        return fiscalYear + "年";
    }

    private static String evaluationStatus(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "DRAFT" -> "草稿";
            case "SUBMITTED" -> "已提交";
            case "RETURNED" -> "已退回";
            case "APPROVED" -> "已审核";
            case "PUBLISHED" -> "已发布";
            default -> status;
        };
    }

    /** From which data the document was made, and when: printed small under each document. */
    private static String provenance(Long budgetVersion, Evaluation evaluation, LocalDate asOf,
            OffsetDateTime generatedAt) {
        List<String> parts = new ArrayList<>();
        if (asOf != null) {
            parts.add("数据截至 " + asOf);
        }
        if (budgetVersion != null) {
            parts.add("预算数据版本 " + budgetVersion);
        }
        if (evaluation != null) {
            parts.add("评价编号 " + evaluation.id() + " 第 " + evaluation.version() + " 版（"
                    + evaluationStatus(evaluation.status()) + "）");
        }
        if (generatedAt != null) {
            parts.add("生成于 " + GENERATED.format(generatedAt));
        }
        return String.join(" · ", parts);
    }

    // ------------------------------------------------------------------ 部门整体支出绩效自评表

    /** Two 其中 funding sources side by side on one row of the 部门资金情况 block. */
    record SourcePair(String name1, String amount1, String name2, String amount2) {
    }

    /**
     * The form's 部门资金情况 block. {@code rowspan} is the number of rows the block label spans; {@code roundingNote} is
     * {@link WanTotals#NOTE} when its totals do not add up as displayed, else "".
     */
    record BudgetBlock(String adjusted, String initial, String actual, String adjustment, List<SourcePair> sources,
            String executionRate, String adjustmentRate, String roundingNote) {

        public int rowspan() {
            return 3 + sources.size();
        }
    }

    record TaskRow(String name, String expectedGoal, String achievement, String keyIndicator, String indicatorResult,
            String funds) {
    }

    record DepartmentForm(String departmentName, String year, BudgetBlock budget,
            List<String> goals, List<String> achievement, List<TaskRow> tasks, IndicatorTable indicators,
            String provenance) {

        /** Rows the 主要任务 label spans: the header and one per task (or the "none" row). */
        public int taskRowspan() {
            return 1 + Math.max(1, tasks.size());
        }
    }

    static DepartmentForm departmentForm(DepartmentReport r) {
        List<TaskRow> tasks = new ArrayList<>();
        for (Task t : Objects.requireNonNullElse(r.tasks(), List.<Task>of())) {
            if (t != null) {
                tasks.add(new TaskRow(Figures.text(t.name()), Figures.text(t.expectedGoal()), Figures.text(t.achievement()),
                        Figures.text(t.keyIndicator()), Figures.text(t.indicatorResult()), Figures.wan(t.funds())));
            }
        }
        return new DepartmentForm(Figures.text(r.department().name()), year(r.fiscalYear()), budgetBlock(r.budget()),
                paragraphs(r.section(SectionKey.ANNUAL_GOALS)),
                paragraphs(r.section(SectionKey.GOAL_ACHIEVEMENT)), tasks,
                indicators(r.evaluation()), provenance(r.budget() == null ? null : r.budget().dataVersion(),
                        r.evaluation(), r.asOf(), r.generatedAt()));
    }

    static BudgetBlock budgetBlock(Budget b) {
        if (b == null) {
            return new BudgetBlock("", "", "", "", List.of(new SourcePair("其中：一般公共预算", "", "", "")), "", "", "");
        }
        List<SourcePair> pairs = new ArrayList<>();
        List<Map.Entry<String, BigDecimal>> sources = b.actualByFundingSource() == null
                ? List.of()
                : List.copyOf(b.actualByFundingSource().entrySet());
        for (int i = 0; i < sources.size(); i += 2) {
            Map.Entry<String, BigDecimal> first = sources.get(i);
            Map.Entry<String, BigDecimal> second = i + 1 < sources.size() ? sources.get(i + 1) : null;
            pairs.add(new SourcePair((i == 0 ? "其中：" : "") + first.getKey(), Figures.wan(first.getValue()),
                    second == null ? "" : second.getKey(), second == null ? "" : Figures.wan(second.getValue())));
        }
        return new BudgetBlock(Figures.wan(b.adjustedBudget()), Figures.wan(b.initialBudget()),
                Figures.wan(b.actualExpenditure()),
                Figures.wan(b.adjustmentTotal()), pairs, Figures.percent(b.executionRate()),
                Figures.percent(b.adjustmentRate()),
                WanTotals.note(WanTotals.budgetBlock(b)));
    }

    // ------------------------------------------------------------------ 部门整体支出绩效自评报告

    record ProjectRow(String code, String name, String adjustedBudget, String executed, String executionRate) {
    }

    record DepartmentReportView(String title, Section functions,
            Section organisation, Section annualWork, String budgetText, String budgetNote,
            Section performanceManagement,
            String conclusionText, Section conclusion, Section taskAnalysis, List<ProjectRow> projects,
            Section keyProjects, Section achievements, Section problems, Section improvements, DepartmentForm form) {
    }

    static DepartmentReportView departmentReport(DepartmentReport r) {
        List<ProjectRow> projects = new ArrayList<>();
        for (ProjectLine p : Objects.requireNonNullElse(r.projects(), List.<ProjectLine>of())) {
            if (p != null) {
                projects.add(new ProjectRow(Figures.text(p.code()), Figures.text(p.name()), Figures.wan(p.adjustedBudget()),
                        Figures.wan(p.executed()), Figures.percent(p.executionRate())));
            }
        }
        return new DepartmentReportView(r.fiscalYear() + "年度" + Figures.text(r.department().name()),
                section(SectionKey.FUNCTIONS, r),
                section(SectionKey.ORGANISATION, r), section(SectionKey.ANNUAL_WORK, r),
                budgetText(r.fiscalYear(), r.budget()), WanTotals.note(WanTotals.budgetText(r.budget())),
                section(SectionKey.PERFORMANCE_MANAGEMENT, r),
                conclusionText("部门整体支出绩效自评", r.evaluation()), section(SectionKey.CONCLUSION, r),
                section(SectionKey.TASK_ANALYSIS, r), projects, section(SectionKey.KEY_PROJECTS, r),
                section(SectionKey.ACHIEVEMENTS, r), section(SectionKey.PROBLEMS, r),
                section(SectionKey.IMPROVEMENTS, r), departmentForm(r));
    }

    private static Section section(SectionKey key, DepartmentReport r) {
        return section(key, r.section(key));
    }

    /**
     * The 部门整体收支情况 paragraph: the budget block and the split of the actual expenditure in sentences, each
     * clause only when its figures are there; "" without a budget.
     */
    static String budgetText(int fiscalYear, Budget b) {
        if (b == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        sentence(text, fiscalYear + "年，", clause("部门调整预算收入 %s 万元", Figures.wan(b.adjustedBudget())),
                clause("其中年初预算收入 %s 万元", Figures.wan(b.initialBudget())),
                clause("年度预算调整数 %s 万元", Figures.wan(b.adjustmentTotal())),
                clause("预算调整率 %s", Figures.percent(b.adjustmentRate())));
        String actual = clause("全年实际支出 %s 万元", Figures.wan(b.actualExpenditure()));
        if (!actual.isEmpty() && b.actualByFundingSource() != null && !b.actualByFundingSource().isEmpty()) {
            List<String> sources = new ArrayList<>();
            b.actualByFundingSource().forEach((name, amount) -> sources.add(clause(name + " %s 万元", Figures.wan(amount))));
            sources.removeIf(String::isEmpty);
            if (!sources.isEmpty()) {
                actual += "（其中：" + String.join("、", sources) + "）";
            }
        }
        sentence(text, "", actual, clause("预算完成率 %s", Figures.percent(b.executionRate())));
        String basic = clause("基本支出 %s 万元", Figures.wan(b.basicExpenditure()));
        List<String> split = new ArrayList<>(List.of(clause("人员经费 %s 万元", Figures.wan(b.personnelExpenditure())),
                clause("公用经费 %s 万元", Figures.wan(b.publicFundsExpenditure()))));
        split.removeIf(String::isEmpty);
        if (!basic.isEmpty() && !split.isEmpty()) {
            basic += "（" + String.join("、", split) + "）";
        }
        sentence(text, "实际支出中，", basic, clause("项目支出 %s 万元", Figures.wan(b.projectExpenditure())));
        sentence(text, "", clause("年末结转结余 %s 万元", Figures.wan(b.carryOver())));
        sentence(text, "", clause("“三公”经费预算 %s 万元", Figures.wan(b.threePublicBudget())),
                clause("实际支出 %s 万元", Figures.wan(b.threePublicActual())));
        return text.toString();
    }

    /** The clause with its figure, or "" when the figure is missing. */
    private static String clause(String format, String figure) {
        return figure.isEmpty() ? "" : String.format(format, figure);
    }

    private static void sentence(StringBuilder text, String lead, String... clauses) {
        List<String> present = new ArrayList<>();
        for (String c : clauses) {
            if (!c.isEmpty()) {
                present.add(c);
            }
        }
        if (!present.isEmpty()) {
            text.append(lead).append(String.join("，", present)).append("。");
        }
    }

    /** "经自评，…得分 90.77 分，评价等级为“优”。", or a note that there is no result yet. */
    static String conclusionText(String what, Evaluation e) {
        if (e == null || e.total() == null) {
            return "尚无" + what + "结果。";
        }
        String text = "经自评，" + what + "得分为 " + Figures.score(e.total()) + " 分";
        if (e.grade() != null && !e.grade().isBlank()) {
            text += "，评价等级为“" + e.grade() + "”";
        }
        text += "。";
        if (e.status() != null && !"PUBLISHED".equals(e.status()) && !"APPROVED".equals(e.status())) {
            text += "（评价状态：" + evaluationStatus(e.status()) + "）";
        }
        return text;
    }

    // ------------------------------------------------------------------ 项目支出绩效自评表 / 项目绩效评价报告

    /** 项目资金 (万元) and the execution rate. */
    record ProjectFunds(String initial, String additions, String reductions, String transfersOut, String adjusted,
            String executed, String executionRate, String roundingNote) {
    }

    record ProjectForm(String projectName, String projectCode, String departmentName, String level,
            String fundingSource, String year, ProjectFunds funds, List<String> goals, List<String> achievement,
            IndicatorTable indicators, String provenance) {
    }

    record ProjectReportView(String title, String subtitle, Section background, Section basis, Section goals,
            String fundsText, ProjectFunds funds, Section fundingUse, Section implementation, Section overview,
            String conclusionText, Section conclusion, IndicatorTable indicators, Section problems,
            Section improvements, String provenance) {
    }

    static ProjectForm projectForm(ProjectReport r) {
        Project p = r.project();
        return new ProjectForm(Figures.text(p.name()), Figures.text(p.code()), Figures.text(r.department().name()),
                projectLevel(p.level()), Figures.text(p.fundingSource()), year(r.fiscalYear()), funds(p),
                paragraphs(r.section(SectionKey.PROJECT_GOALS)),
                paragraphs(r.section(SectionKey.CONCLUSION)),
                indicators(r.evaluation()), provenance(p.dataVersion(), r.evaluation(), r.asOf(), r.generatedAt()));
    }

    static ProjectReportView projectReport(ProjectReport r) {
        Project p = r.project();
        Section background = section(SectionKey.PROJECT_BACKGROUND, r.section(SectionKey.PROJECT_BACKGROUND));
        if (background.empty()) {
            // The project's description in budget-service says at least what it is for.
            background = new Section(background.title(), paragraphs(p.description()));
        }
        return new ProjectReportView(Figures.text(p.name()) + "绩效评价报告",
                r.fiscalYear() + "年度 · " + Figures.text(r.department().name()), background,
                section(SectionKey.PROJECT_BASIS, r.section(SectionKey.PROJECT_BASIS)),
                section(SectionKey.PROJECT_GOALS, r.section(SectionKey.PROJECT_GOALS)),
                fundsText(r.fiscalYear(), p),
                funds(p), section(SectionKey.FUNDING_USE, r.section(SectionKey.FUNDING_USE)),
                section(SectionKey.IMPLEMENTATION, r.section(SectionKey.IMPLEMENTATION)),
                section(SectionKey.EVALUATION_OVERVIEW, r.section(SectionKey.EVALUATION_OVERVIEW)),
                conclusionText("项目绩效", r.evaluation()),
                section(SectionKey.CONCLUSION, r.section(SectionKey.CONCLUSION)),
                indicators(r.evaluation()), section(SectionKey.PROBLEMS, r.section(SectionKey.PROBLEMS)),
                section(SectionKey.IMPROVEMENTS, r.section(SectionKey.IMPROVEMENTS)),
                provenance(p.dataVersion(), r.evaluation(), r.asOf(), r.generatedAt()));
    }

    private static ProjectFunds funds(Project p) {
        return new ProjectFunds(Figures.wan(p.initialBudget()), Figures.wan(p.additions()), Figures.wan(p.reductions()),
                Figures.wan(p.transfersOut()), Figures.wan(p.adjustedBudget()), Figures.wan(p.executed()),
                Figures.percent(p.executionRate()), WanTotals.note(WanTotals.projectFunds(p)));
    }

    private static String projectLevel(int level) {
        return switch (level) {
            case 1 -> "一级项目";
            case 2 -> "二级项目";
            default -> level <= 0 ? "" : level + "级项目";
        };
    }

    /** The 项目资金安排及使用情况 sentence. */
    static String fundsText(int fiscalYear, Project p) {
        StringBuilder text = new StringBuilder();
        sentence(text, fiscalYear + "年，", clause("项目年初预算 %s 万元", Figures.wan(p.initialBudget())),
                clause("本年追加 %s 万元", Figures.wan(p.additions())), clause("调减 %s 万元", Figures.wan(p.reductions())),
                clause("调出 %s 万元", Figures.wan(p.transfersOut())), clause("全年预算 %s 万元", Figures.wan(p.adjustedBudget())));
        sentence(text, "", clause("实际执行 %s 万元", Figures.wan(p.executed())),
                clause("预算执行率 %s", Figures.percent(p.executionRate())));
        if (p.fundingSource() != null && !p.fundingSource().isBlank()) {
            text.append("资金来源为").append(p.fundingSource()).append("。");
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ region summary

    record SummaryRow(String rank, String departmentCode, String departmentName, String adjustedBudget,
            String actualExpenditure, String executionRate, String total, String grade, String light,
            String lightClass, String status) {
    }

    /** One bar of a CSS bar chart: {@code width} is the CSS width of the bar ("96.03%"), 0–100 %. */
    record Bar(String label, String value, String width, String cssClass) {
    }

    /** One column of a CSS column chart: {@code height} is the CSS height of the column ("72pt"). */
    record Column(String label, String value, String height, String cssClass) {
    }

    record LightCount(String label, String cssClass, String count) {
    }

    record RegionView(String title, String region, String asOf, String departmentCount,
            String totalAdjustedBudget, String totalActualExpenditure, String overallExecutionRate,
            List<SummaryRow> rows, List<Bar> rateBars, List<Column> gradeColumns, List<LightCount> lights,
            String roundingNote, String provenance) {

        public boolean empty() {
            return rows.isEmpty();
        }
    }

    static RegionView regionSummary(RegionSummary s) {
        List<SummaryLine> lines = Objects.requireNonNullElse(s.lines(), List.<SummaryLine>of()).stream()
                .filter(Objects::nonNull).toList();
        List<SummaryRow> rows = new ArrayList<>();
        List<Bar> rateBars = new ArrayList<>();
        for (SummaryLine l : lines) {
            rows.add(new SummaryRow(String.valueOf(l.rank()), Figures.text(l.departmentCode()),
                    Figures.text(l.departmentName()), Figures.wan(l.adjustedBudget()), Figures.wan(l.actualExpenditure()),
                    Figures.percent(l.executionRate()), Figures.score(l.total()), Figures.text(l.grade()),
                    lightLabel(l.light()),
                    lightClass(l.light()), evaluationStatus(l.evaluationStatus())));
            rateBars.add(new Bar(Figures.text(l.departmentName()), Figures.percent(l.executionRate()),
                    width(l.executionRate(), HUNDRED), "bar-rate"));
        }
        if (s.overallExecutionRate() != null) {
            rateBars.add(new Bar("合计", Figures.percent(s.overallExecutionRate()), width(s.overallExecutionRate(), HUNDRED),
                    "bar-total"));
        }
        List<Column> gradeColumns = new ArrayList<>();
        Map<String, Integer> grades = Objects.requireNonNullElse(s.gradeDistribution(), Map.<String, Integer>of());
        int max = grades.values().stream().filter(Objects::nonNull).mapToInt(Integer::intValue).max().orElse(0);
        grades.forEach((grade, count) -> {
            int n = count == null ? 0 : count;
            gradeColumns
                    .add(new Column(Figures.text(grade), String.valueOf(n), height(n, max), "bar-grade-" + gradeClass(grade)));
        });
        List<LightCount> lights = new ArrayList<>();
        Objects.requireNonNullElse(s.lights(), Map.<String, Integer>of()).forEach((light,
                count) -> lights
                        .add(new LightCount(lightLabel(light), lightClass(light), String.valueOf(count == null ? 0 : count))));
        return new RegionView(Figures.text(s.region()) + s.fiscalYear() + "年度部门整体支出绩效汇总", Figures.text(s.region()),
                s.asOf() == null ? "" : s.asOf().toString(), String.valueOf(rows.size()),
                Figures.wan(s.totalAdjustedBudget()), Figures.wan(s.totalActualExpenditure()),
                Figures.percent(s.overallExecutionRate()), rows, rateBars, gradeColumns, lights,
                WanTotals.note(WanTotals.regionSummary(s)), provenance(null, null, s.asOf(), s.generatedAt()));
    }

    /** {@code value / max} as a CSS percentage, clamped to 0–100 % (a bar's length, not a printed figure). */
    static String width(BigDecimal value, BigDecimal max) {
        if (value == null || max == null || max.signum() <= 0) {
            return "0%";
        }
        BigDecimal percent = value.multiply(HUNDRED).divide(max, 2, RoundingMode.HALF_UP);
        percent = percent.max(BigDecimal.ZERO).min(HUNDRED);
        return percent.stripTrailingZeros().toPlainString() + "%";
    }

    /** The height of a column of {@code n} out of {@code max}: up to 80pt, at least a hairline. */
    static String height(int n, int max) {
        if (n <= 0 || max <= 0) {
            return "0.8pt";
        }
        return BigDecimal.valueOf(80L * n).divide(BigDecimal.valueOf(max), 1, RoundingMode.HALF_UP).toPlainString() + "pt";
    }

    private static String lightLabel(String light) {
        if (light == null) {
            return "";
        }
        return switch (light) {
            case "GREEN" -> "绿灯";
            case "YELLOW" -> "黄灯";
            case "RED" -> "红灯";
            default -> light;
        };
    }

    private static String lightClass(String light) {
        if (light == null) {
            return "light-none";
        }
        return switch (light) {
            case "GREEN" -> "light-green";
            case "YELLOW" -> "light-yellow";
            case "RED" -> "light-red";
            default -> "light-none";
        };
    }

    private static String gradeClass(String grade) {
        return switch (Objects.requireNonNullElse(grade, "")) {
            case "优" -> "a";
            case "良" -> "b";
            case "中" -> "c";
            case "差" -> "d";
            default -> "x";
        };
    }
}
