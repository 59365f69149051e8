package gov.budgetperf.report.content;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.report.content.DocumentInputs.Kind;
import gov.budgetperf.report.narrative.NarrativeService;
import gov.budgetperf.report.peers.BudgetClient;
import gov.budgetperf.report.peers.EvaluationClient;
import gov.budgetperf.report.peers.PeerModels;

/**
 * Fetches what a document shows from budget-service and evaluation-service (over REST) and the narratives stored here,
 * and records the version of each input. Figures are taken as the services computed them; nothing is recomputed.
 */
@ApplicationScoped
public class ReportAssembler {

    /** Which evaluation of a subject a document shows: the self-evaluation first (the forms are 自评表). */
    private static final List<String> KIND_PREFERENCE = List.of("SELF", "DEPARTMENT", "FINANCE");
    private static final Map<String, String> FUNDING_SOURCES = Map.of("GENERAL_PUBLIC", "一般公共预算", "GOVERNMENT_FUND",
            "政府性基金", "OTHER", "其他");

    @Inject
    BudgetClient budget;

    @Inject
    EvaluationClient evaluations;

    @Inject
    NarrativeService narratives;

    public record Assembled<T>(T data, DocumentInputs inputs) {
    }

    /** The department-year's form/report data; {@code withProjects} adds the project lines the report analyses. */
    public Assembled<ReportData.DepartmentReport> department(String code, int year, boolean withProjects) {
        DocumentInputs inputs = new DocumentInputs();
        PeerModels.Department d = budget.department(code)
                .orElseThrow(() -> ProblemException.notFound("Department " + code + " not found in budget-service"));
        inputs.add(Kind.DEPARTMENT, code, d.version(), null);
        // A department-year without a budget has nothing to report on.
        PeerModels.DepartmentMetrics m = budget.metrics(code, year, null).orElseThrow(() -> ProblemException
                .notFound("Department " + code + " has no budget for " + year + " in budget-service"));
        inputs.add(Kind.BUDGET, DocumentInputs.budgetKey(code, year), m.dataVersion(), null);
        ReportData.Evaluation evaluation = evaluation(code, year, null, inputs);
        NarrativeService.Sections sections = narratives.sections(code, year, "");
        inputs.add(Kind.NARRATIVE, DocumentInputs.subjectKey(code, year, null), sections.version(), null);
        Map<SectionKey, String> text = new EnumMap<>(sections.text());
        text.putIfAbsent(SectionKey.FUNCTIONS, blankToNull(d.functions()));
        text.putIfAbsent(SectionKey.ORGANISATION, blankToNull(d.internalBodies()));
        text.values().removeIf(Objects::isNull);
        List<ReportData.ProjectLine> projects = withProjects ? projectLines(code, year) : List.of();
        ReportData.DepartmentReport data = new ReportData.DepartmentReport(department(d), year,
                m.asOf() == null ? LocalDate.of(year, 12, 31) : m.asOf(), budget(m), evaluation, text,
                sections.tasks(), projects,
                OffsetDateTime.now());
        return new Assembled<>(data, inputs);
    }

    public Assembled<ReportData.ProjectReport> project(String code, int year, String projectCode) {
        DocumentInputs inputs = new DocumentInputs();
        PeerModels.Department d = budget.department(code)
                .orElseThrow(() -> ProblemException.notFound("Department " + code + " not found in budget-service"));
        inputs.add(Kind.DEPARTMENT, code, d.version(), null);
        PeerModels.Project p = budget.projects(code, year).stream().filter(x -> projectCode.equals(x.code()))
                .findFirst().orElseThrow(() -> ProblemException
                        .notFound("Project " + projectCode + " of " + code + "/" + year + " not found in budget-service"));
        PeerModels.ProjectMetrics m = budget.projectMetrics(code, year, projectCode, null).orElseThrow(
                () -> ProblemException.notFound("Figures of project " + projectCode + " not found in budget-service"));
        inputs.add(Kind.BUDGET, DocumentInputs.budgetKey(code, year), m.dataVersion(), null);
        ReportData.Evaluation evaluation = evaluation(code, year, projectCode, inputs);
        NarrativeService.Sections sections = narratives.sections(code, year, projectCode);
        inputs.add(Kind.NARRATIVE, DocumentInputs.subjectKey(code, year, projectCode), sections.version(), null);
        ReportData.Project project = new ReportData.Project(p.code(), p.name(), p.level(),
                FUNDING_SOURCES.getOrDefault(p.fundingSource(), p.fundingSource()), p.description(), m.dataVersion(),
                m.initialBudget(), m.additions(), m.reductions(), m.transfersOut(), m.adjustedBudget(), m.executed(),
                percent(m.executionRate()));
        return new Assembled<>(new ReportData.ProjectReport(department(d), year, LocalDate.of(year, 12, 31), project,
                evaluation, new EnumMap<>(sections.text()), OffsetDateTime.now()), inputs);
    }

    /** Department lines of a region, for the summary and the open data. */
    public record RegionData(ReportData.RegionSummary summary, List<ReportData.DepartmentReport> departments) {
    }

    /**
     * The region's departments with their figures and monitoring lights cut at {@code asOf} (null: 31 December): both
     * come from the same date, so a summary asked for 30 June shows June's execution and June's lights.
     */
    public Assembled<RegionData> region(String region, int year, LocalDate asOf) {
        LocalDate cut = asOf == null ? LocalDate.of(year, 12, 31) : asOf;
        DocumentInputs inputs = new DocumentInputs();
        inputs.add(Kind.REGION, region, 0, null);
        List<PeerModels.Department> departments = budget.departments(region);
        Map<String, String> lights = new LinkedHashMap<>();
        for (PeerModels.MonitoringLine line : evaluations.monitoring(year, region, cut)) {
            if (line.projectCode() == null) {
                lights.put(line.departmentCode(), line.light());
            }
        }
        List<ReportData.DepartmentReport> reports = new ArrayList<>();
        List<ReportData.SummaryLine> lines = new ArrayList<>();
        BigDecimal adjusted = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        for (PeerModels.Department d : departments) {
            inputs.add(Kind.DEPARTMENT, d.code(), d.version(), null);
            Optional<PeerModels.DepartmentMetrics> metrics = budget.metrics(d.code(), year, cut);
            inputs.add(Kind.BUDGET, DocumentInputs.budgetKey(d.code(), year),
                    metrics.map(m -> m.dataVersion()).orElse(0L), null);
            ReportData.Evaluation evaluation = evaluation(d.code(), year, null, inputs);
            ReportData.Budget b = metrics.map(ReportAssembler::budget).orElse(null);
            reports.add(new ReportData.DepartmentReport(department(d), year, cut, b, evaluation,
                    Map.of(), List.of(), List.of(), OffsetDateTime.now()));
            if (b != null) {
                adjusted = adjusted.add(b.adjustedBudget());
                actual = actual.add(b.actualExpenditure());
            }
            lines.add(new ReportData.SummaryLine(0, d.code(), d.name(), b == null ? null : b.adjustedBudget(),
                    b == null ? null : b.actualExpenditure(), b == null ? null : b.executionRate(),
                    evaluation == null ? null : evaluation.total(), evaluation == null ? null : evaluation.grade(),
                    lights.get(d.code()), evaluation == null ? null : evaluation.status()));
        }
        lines.sort(Comparator
                .comparing(ReportData.SummaryLine::total, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ReportData.SummaryLine::executionRate, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ReportData.SummaryLine::departmentCode));
        List<ReportData.SummaryLine> ranked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReportData.SummaryLine l = lines.get(i);
            ranked.add(new ReportData.SummaryLine(i + 1, l.departmentCode(), l.departmentName(), l.adjustedBudget(),
                    l.actualExpenditure(), l.executionRate(), l.total(), l.grade(), l.light(), l.evaluationStatus()));
        }
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (ReportData.SummaryLine l : ranked) {
            grades.merge(l.grade() == null ? "未评价" : l.grade(), 1, Integer::sum);
        }
        Map<String, Integer> lightCounts = new LinkedHashMap<>();
        for (String light : List.of("GREEN", "YELLOW", "RED")) {
            lightCounts.put(light, 0);
        }
        for (ReportData.SummaryLine l : ranked) {
            if (l.light() != null) {
                lightCounts.merge(l.light(), 1, Integer::sum);
            }
        }
        // 执行率 of the region: Σ actual ÷ Σ adjusted, percent to 2 decimals, from the exact sums
        BigDecimal overall = adjusted.signum() == 0
                ? null
                : actual.multiply(BigDecimal.valueOf(100)).divide(adjusted, 2, java.math.RoundingMode.HALF_UP);
        ReportData.RegionSummary summary = new ReportData.RegionSummary(region, year, cut,
                ranked, grades, lightCounts, adjusted, actual, overall, OffsetDateTime.now());
        return new Assembled<>(new RegionData(summary, reports), inputs);
    }

    /** The evaluation a document of this subject shows, with its tree; records it (or its absence) as an input. */
    private ReportData.Evaluation evaluation(String code, int year, String projectCode, DocumentInputs inputs) {
        String key = DocumentInputs.subjectKey(code, year, projectCode);
        Optional<PeerModels.Evaluation> chosen = evaluations.evaluations(code, year).stream()
                .filter(e -> projectCode == null
                        ? "DEPARTMENT".equals(e.subjectType())
                        : "PROJECT".equals(e.subjectType()) && projectCode.equals(e.projectCode()))
                .min(Comparator.comparingInt(e -> rank(e.kind())));
        if (chosen.isEmpty()) {
            inputs.add(Kind.SUBJECT_EVALUATIONS, key, 0, null);
            return null;
        }
        PeerModels.Evaluation e = evaluations.evaluation(chosen.get().id())
                .orElseThrow(() -> ProblemException.unavailable("evaluation-service lost evaluation " + chosen.get().id()));
        inputs.add(Kind.SUBJECT_EVALUATIONS, key, 0, Long.toString(e.id()));
        inputs.add(Kind.EVALUATION, Long.toString(e.id()), e.version(), null);
        return evaluation(e);
    }

    private static int rank(String kind) {
        int i = KIND_PREFERENCE.indexOf(kind);
        return i < 0 ? KIND_PREFERENCE.size() : i;
    }

    static ReportData.Evaluation evaluation(PeerModels.Evaluation e) {
        List<PeerModels.Indicator> all = e.indicators() == null ? List.of() : e.indicators();
        Set<String> parents = new HashSet<>();
        for (PeerModels.Indicator i : all) {
            if (i.parentCode() != null) {
                parents.add(i.parentCode());
            }
        }
        List<ReportData.Indicator> nodes = all.stream()
                .map(i -> new ReportData.Indicator(i.code(), i.parentCode(), i.level(), i.name(), i.weight(),
                        Figures.indicatorValue(i.targetText(), i.direction(), i.target(), i.unit()),
                        Figures.indicatorValue(i.actualText(), null, i.actual(), i.unit()), i.score(), i.reason(), i.measure(),
                        i.notApplicable(), !parents.contains(i.code())))
                .toList();
        return new ReportData.Evaluation(e.id(), e.version(), e.kind(), e.status(), e.ruleSet(), e.total(), e.grade(),
                e.rescaled(), nodes);
    }

    private static ReportData.Department department(PeerModels.Department d) {
        return new ReportData.Department(d.code(), d.name(), d.region(), d.unitCount());
    }

    private static ReportData.Budget budget(PeerModels.DepartmentMetrics m) {
        Map<String, BigDecimal> bySource = new LinkedHashMap<>();
        if (m.actualByFundingSource() != null) {
            for (String source : List.of("GENERAL_PUBLIC", "GOVERNMENT_FUND", "OTHER")) {
                BigDecimal v = m.actualByFundingSource().get(source);
                if (v != null && v.signum() != 0) {
                    bySource.put(FUNDING_SOURCES.get(source), v);
                }
            }
        }
        return new ReportData.Budget(m.dataVersion(), m.initialBudget(), m.adjustmentTotal(), m.adjustedBudget(),
                m.actualExpenditure(), m.basicExpenditure(), m.personnelExpenditure(), m.publicFundsExpenditure(),
                m.projectExpenditure(), bySource, percent(m.executionRate()), percent(m.adjustmentRate()), m.carryOver(),
                m.threePublic() == null ? null : m.threePublic().budget(),
                m.threePublic() == null ? null : m.threePublic().actual());
    }

    private List<ReportData.ProjectLine> projectLines(String code, int year) {
        List<ReportData.ProjectLine> lines = new ArrayList<>();
        for (PeerModels.Project p : budget.projects(code, year)) {
            if (p.level() != 1) {
                continue; // first-level projects include their second-level ones
            }
            budget.projectMetrics(code, year, p.code(), null).ifPresent(m -> lines.add(new ReportData.ProjectLine(
                    p.code(), p.name(), m.adjustedBudget(), m.executed(), percent(m.executionRate()))));
        }
        return lines;
    }

    private static BigDecimal percent(PeerModels.Rate r) {
        return r == null ? null : r.percent();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
