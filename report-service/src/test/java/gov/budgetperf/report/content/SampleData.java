package gov.budgetperf.report.content;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.budgetperf.report.content.ReportData.Budget;
import gov.budgetperf.report.content.ReportData.Department;
import gov.budgetperf.report.content.ReportData.DepartmentReport;
import gov.budgetperf.report.content.ReportData.Evaluation;
import gov.budgetperf.report.content.ReportData.Indicator;
import gov.budgetperf.report.content.ReportData.Project;
import gov.budgetperf.report.content.ReportData.ProjectLine;
import gov.budgetperf.report.content.ReportData.ProjectReport;
import gov.budgetperf.report.content.ReportData.RegionSummary;
import gov.budgetperf.report.content.ReportData.SummaryLine;
import gov.budgetperf.report.content.ReportData.Task;

/**
 * Report data with the figures of the seeds (天河 2022 budget block: 418.03 / 417.82 / 401.42 万元, 96.03 %; a few
 * indicators of the 增城 table), for renderer tests that need no running peer.
 */
public final class SampleData {

    public static final OffsetDateTime GENERATED = OffsetDateTime.of(2023, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    private SampleData() {
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    public static Department tianhe() {
        return new Department("GZ-TH-GSL", "广州市天河区工商业联合会", "天河区", 1);
    }

    /** 天河 2022: adjusted 4,180,300.00 yuan, initial 4,178,200.00, actual 4,014,200.00 → 96.03 %, adjustment 0.05 %. */
    public static Budget tianheBudget() {
        Map<String, BigDecimal> bySource = new LinkedHashMap<>();
        bySource.put("一般公共预算", d("4014200.00"));
        return new Budget(7, d("4178200.00"), d("2100.00"), d("4180300.00"), d("4014200.00"), d("3873000.00"),
                d("2700000.00"), d("1173000.00"), d("141200.00"), bySource, d("96.03"), d("0.05"), d("166100.00"),
                d("50000.00"), d("12000.00"));
    }

    public static Evaluation zengchengEvaluation() {
        List<Indicator> nodes = new ArrayList<>();
        nodes.add(new Indicator("LZ", null, 1, "履职效能", d("50"), "", "", d("45.77"), "", "", false, false));
        nodes.add(new Indicator("LZ1", "LZ", 2, "部门履职目标", d("25"), "", "", d("21.32"), "", "", false, false));
        nodes.add(new Indicator("LZ11", "LZ1", 3, "重点工作任务完成率", d("10"), "≥100%", "95%", d("9.50"),
                "受疫情影响，部分活动延期", "提前谋划，做好应急预案", false, true));
        nodes.add(new Indicator("LZ12", "LZ1", 3, "商会换届完成率", d("15"), "=100%", "100%", d("11.82"),
                "部分镇街商会换届延后", "加强指导", false, true));
        nodes.add(new Indicator("LZ2", "LZ", 2, "部门效果目标", d("25"), "", "", d("24.45"), "", "", false, false));
        nodes.add(new Indicator("LZ21", "LZ2", 3, "服务对象满意度", d("25"), "≥90%", "97.8%", d("24.45"), "", "", false,
                true));
        nodes.add(new Indicator("GL", null, 1, "管理效率", d("50"), "", "", d("45.00"), "", "", false, false));
        nodes.add(new Indicator("GL1", "GL", 2, "预算编制", d("20"), "", "", d("20.00"), "", "", false, false));
        nodes.add(new Indicator("GL11", "GL1", 3, "预算执行率", d("20"), "≥95%", "93.00%", d("20.00"), "", "", false,
                true));
        nodes.add(new Indicator("GL2", "GL", 2, "管理制度", d("30"), "", "", d("25.00"), "", "", false, false));
        nodes.add(new Indicator("GL21", "GL2", 3, "内控制度健全性", d("30"), "健全", "基本健全", d("25.00"), "个别制度未及时修订",
                "完善内控制度", false, true));
        return new Evaluation(42, 37, "SELF", "PUBLISHED", "GZ-DEPT-COMMON/v1", d("90.77"), "优", false, nodes);
    }

    /**
     * The 增城 evaluation as evaluation-service serves it, with the budget-linked 部门预算资金支出率 (LZ13) at 93 %:
     * its actual in percent (93.00, as stored since V13) with the given text (null: as an edit used to leave it).
     */
    public static gov.budgetperf.report.peers.PeerModels.Evaluation budgetLinkedPeerEvaluation(String actualText) {
        List<gov.budgetperf.report.peers.PeerModels.Indicator> nodes = List.of(
                new gov.budgetperf.report.peers.PeerModels.Indicator("LZ", null, 1, "履职效能", d("50"), null, null,
                        null, null, null, null, null, null, d("41.80"), null, null, false),
                new gov.budgetperf.report.peers.PeerModels.Indicator("LZ1", "LZ", 2, "整体效能", d("50"), null, null,
                        null, null, null, null, null, null, d("41.80"), null, null, false),
                new gov.budgetperf.report.peers.PeerModels.Indicator("LZ13", "LZ1", 3, "部门预算资金支出率", d("10"), "%",
                        ">=", d("100"), null, d("93.00"), actualText, null, null, d("9.30"), "年度平均执行率低于100%",
                        "加快资金支付，确保支出进度达到序时进度要求", false));
        return new gov.budgetperf.report.peers.PeerModels.Evaluation(43, "DEPARTMENT", "GZ-ZC-GSL", 2022, null, "SELF",
                "GZ-DEPT-COMMON/v2", "PUBLISHED", d("90.77"), "优", false, 26, nodes);
    }

    /** The 天河 report with {@link #budgetLinkedPeerEvaluation(String)} read as report-service reads it. */
    public static DepartmentReport budgetLinkedReport(String actualText) {
        DepartmentReport r = tianheReport();
        return new DepartmentReport(r.department(), r.fiscalYear(), r.asOf(), r.budget(),
                ReportAssembler.evaluation(budgetLinkedPeerEvaluation(actualText)), r.narratives(), r.tasks(),
                r.projects(), r.generatedAt());
    }

    public static DepartmentReport tianheReport() {
        Map<SectionKey, String> narratives = new EnumMap<>(SectionKey.class);
        narratives.put(SectionKey.FUNCTIONS, "天河区工商联是党领导的以非公有制企业和非公有制经济人士为主体的人民团体和商会组织。");
        narratives.put(SectionKey.ORGANISATION, "内设办公室、会员部、经济部。");
        narratives.put(SectionKey.ANNUAL_GOALS, "1.强化思想政治引领，深入开展民营经济人士理想信念教育。\n2.服务“两个健康”，助力民营企业高质量发展。");
        narratives.put(SectionKey.GOAL_ACHIEVEMENT, "聚焦“两个健康”工作主题，持续强化思想政治引领。");
        narratives.put(SectionKey.PROBLEMS, "（一）因疫情影响，启动时间滞后。\n（二）项目预算不够精准。");
        narratives.put(SectionKey.IMPROVEMENTS, "（一）加强项目前期调研，细化支出预算。");
        List<Task> tasks = List.of(
                new Task("任务1 强化思想政治引领", "学习宣传贯彻党的二十大精神", "完成", "参加线上线下学习活动", "4000余人参加", null),
                new Task("任务4 推动党建工作提质扩面", "全面推进党的组织覆盖", "完成", "赠阅报刊", "完成", d("99600.00")));
        List<ProjectLine> projects = List.of(new ProjectLine("TH-2022-GZJF", "2022年区工商联工作经费", d("141200.00"),
                d("141200.00"), d("100.00")));
        return new DepartmentReport(tianhe(), 2022, LocalDate.of(2022, 12, 31), tianheBudget(), zengchengEvaluation(),
                narratives, tasks, projects, GENERATED);
    }

    public static ProjectReport projectReport() {
        Map<SectionKey, String> narratives = new EnumMap<>(SectionKey.class);
        narratives.put(SectionKey.PROJECT_BACKGROUND, "为保障区工商联正常履职，安排年度工作经费。");
        narratives.put(SectionKey.CONCLUSION, "项目总体完成较好。");
        Project project = new Project("TH-2022-GZJF", "2022年区工商联工作经费", 1, "一般公共预算", "工作经费", 7,
                d("141200.00"), d("0.00"), d("0.00"), d("0.00"), d("141200.00"), d("141200.00"), d("100.00"));
        return new ProjectReport(tianhe(), 2022, LocalDate.of(2022, 12, 31), project, zengchengEvaluation(),
                narratives, GENERATED);
    }

    public static RegionSummary regionSummary() {
        List<SummaryLine> lines = List.of(
                new SummaryLine(1, "GZ-HD-GSL", "广州市花都区工商业联合会", d("5000000.00"), d("4901000.00"), d("98.02"),
                        d("95.10"), "优", "GREEN", "PUBLISHED"),
                new SummaryLine(2, "GZ-ZC-GSL", "广州市增城区工商业联合会", d("5365800.00"), d("4990194.00"), d("93.00"),
                        d("90.77"), "优", "GREEN", "PUBLISHED"),
                new SummaryLine(3, "GZ-TH-GSL", "广州市天河区工商业联合会", d("4180300.00"), d("4014200.00"), d("96.03"),
                        d("85.00"), "良", "YELLOW", "SUBMITTED"));
        Map<String, Integer> grades = new LinkedHashMap<>();
        grades.put("优", 2);
        grades.put("良", 1);
        grades.put("中", 0);
        grades.put("差", 0);
        Map<String, Integer> lights = new LinkedHashMap<>();
        lights.put("GREEN", 2);
        lights.put("YELLOW", 1);
        lights.put("RED", 0);
        return new RegionSummary("广州市", 2022, LocalDate.of(2022, 12, 31), lines, grades, lights, d("14546100.00"),
                d("13905394.00"), d("95.59"), GENERATED);
    }
}
