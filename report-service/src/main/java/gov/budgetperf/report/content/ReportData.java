package gov.budgetperf.report.content;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the documents show, assembled from budget-service, evaluation-service and the narratives stored here. Amounts
 * are yuan as the services return them (exact); rates are percent as the services computed them. Renderers format
 * them with {@link Figures} (万元 to 2 decimals, rates with %) and never compute a figure themselves.
 */
public final class ReportData {

    private ReportData() {
    }

    private static String section(Map<SectionKey, String> narratives, SectionKey key) {
        return narratives == null ? "" : Figures.text(narratives.get(key));
    }

    /** The 部门整体支出绩效自评表 / 自评报告 of a department-year. */
    public record DepartmentReport(Department department, int fiscalYear, LocalDate asOf, Budget budget,
            Evaluation evaluation, Map<SectionKey, String> narratives, List<Task> tasks, List<ProjectLine> projects,
            OffsetDateTime generatedAt) {

        /** A narrative section's text, or "" when it was not written (or the report carries no narratives). */
        public String section(SectionKey key) {
            return ReportData.section(narratives, key);
        }
    }

    /** The 项目支出绩效自评表 / 项目绩效评价报告 of a project-year. */
    public record ProjectReport(Department department, int fiscalYear, LocalDate asOf, Project project,
            Evaluation evaluation, Map<SectionKey, String> narratives, OffsetDateTime generatedAt) {

        public String section(SectionKey key) {
            return ReportData.section(narratives, key);
        }
    }

    /** Summary across the departments of a region for a year. */
    public record RegionSummary(String region, int fiscalYear, LocalDate asOf, List<SummaryLine> lines,
            Map<String, Integer> gradeDistribution, Map<String, Integer> lights, BigDecimal totalAdjustedBudget,
            BigDecimal totalActualExpenditure, BigDecimal overallExecutionRate, OffsetDateTime generatedAt) {
    }

    public record Department(String code, String name, String region, int unitCount) {
    }

    /** The form's 部门资金情况 block, plus what the report's 部门整体收支情况 describes. */
    public record Budget(long dataVersion, BigDecimal initialBudget, BigDecimal adjustmentTotal,
            BigDecimal adjustedBudget, BigDecimal actualExpenditure, BigDecimal basicExpenditure,
            BigDecimal personnelExpenditure, BigDecimal publicFundsExpenditure, BigDecimal projectExpenditure,
            /** 实际支出 by funding source, keyed by the Chinese name (一般公共预算, 政府性基金, 其他). */
            Map<String, BigDecimal> actualByFundingSource,
            /** 预算完成率 (execution rate), percent with 2 decimals. */
            BigDecimal executionRate,
            /** 预算调整率, percent with 2 decimals. */
            BigDecimal adjustmentRate, BigDecimal carryOver, BigDecimal threePublicBudget,
            BigDecimal threePublicActual) {
    }

    /** 主要任务 of the department form: a task with its expected goal and key indicator. */
    public record Task(String name, String expectedGoal, String achievement, String keyIndicator,
            String indicatorResult, BigDecimal funds) {
    }

    /** A project of the department-year, as the report's 重点项目 analysis lists it. */
    public record ProjectLine(String code, String name, BigDecimal adjustedBudget, BigDecimal executed,
            BigDecimal executionRate) {
    }

    public record Project(String code, String name, int level, String fundingSource, String description,
            long dataVersion, BigDecimal initialBudget, BigDecimal additions, BigDecimal reductions,
            BigDecimal transfersOut, BigDecimal adjustedBudget, BigDecimal executed, BigDecimal executionRate) {
    }

    /** An evaluation with its scored indicator tree, in tree order (a parent before its children). */
    public record Evaluation(long id, long version, String kind, String status, String ruleSet, BigDecimal total,
            String grade, boolean rescaled, List<Indicator> indicators) {

        /** The leaves (the scored indicators). */
        public List<Indicator> leaves() {
            return indicators.stream().filter(Indicator::leaf).toList();
        }
    }

    /**
     * One node of the indicator tree. {@code target} and {@code actual} are display texts built by the assembler
     * (direction, value and unit, or the free text the department typed).
     */
    public record Indicator(String code, String parentCode, int level, String name, BigDecimal weight,
            String target, String actual, BigDecimal score, String reason, String measure, boolean notApplicable,
            boolean leaf) {
    }

    /** A line of the region summary, ranked by total score (then execution rate). */
    public record SummaryLine(int rank, String departmentCode, String departmentName, BigDecimal adjustedBudget,
            BigDecimal actualExpenditure, BigDecimal executionRate, BigDecimal total, String grade, String light,
            String evaluationStatus) {
    }
}
