package gov.budgetperf.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import gov.budgetperf.report.content.Figures;
import gov.budgetperf.report.content.ReportData.Budget;
import gov.budgetperf.report.content.ReportData.Department;
import gov.budgetperf.report.content.ReportData.DepartmentReport;
import gov.budgetperf.report.content.ReportData.Evaluation;
import gov.budgetperf.report.content.ReportData.Indicator;
import gov.budgetperf.report.content.ReportData.Project;
import gov.budgetperf.report.content.ReportData.ProjectReport;
import gov.budgetperf.report.content.ReportData.RegionSummary;
import gov.budgetperf.report.content.ReportData.SummaryLine;
import gov.budgetperf.report.content.ReportData.Task;
import gov.budgetperf.report.content.SectionKey;
import gov.budgetperf.report.content.WanTotals;

/**
 * The spreadsheet documents: the 部门整体支出绩效自评表 and 项目支出绩效自评表 laid out like the seeds (one sheet, eleven
 * columns, merged label blocks, the indicator table in outline order with its level-1/2 cells and their 分值 merged
 * over their descendants' rows; landscape A4, one page wide, the table header repeated on every page), and the
 * region summary (streamed, a region can have thousands of lines).
 * <p>
 * Amounts are numeric cells in 万元 ({@link Figures#wanValue}, format {@code 0.00}); rates are numeric cells holding the
 * fraction (96.03 % → 0.9603, format {@code 0.00%}); weights numeric, scores numeric with {@code 0.00}. A missing figure
 * leaves its cell empty. Nothing is computed here.
 */
@ApplicationScoped
public class XlsxDocuments {

    static final String DEPARTMENT_SHEET = "部门整体支出绩效自评表";
    static final String PROJECT_SHEET = "项目支出绩效自评表";
    static final String SUMMARY_SHEET = "汇总";
    static final String NOT_APPLICABLE = "不适用";

    /**
     * The forms' eleven sheet columns (characters): 一级指标 分值 二级指标 分值 三级指标 分值 年度指标值 实际完成值 得分 未达标原因
     * 改进措施, as the seed's indicator table has them. 104 characters fit landscape A4 at full size even where the
     * application measures them with a wide substitute for the default font (LibreOffice without Calibri: about 7.1 pt
     * a character), so fitting one page wide keeps the 10-point body at 10 points.
     */
    private static final int[] FORM_WIDTHS = {8, 5, 8, 5, 15, 5, 10, 10, 7, 15, 16};
    /**
     * The nine logical columns the blocks above the table are laid out on: the first two cover an indicator column and
     * its 分值 each.
     */
    private static final int[][] FORM_GROUPS = {{0, 1}, {2, 3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}};
    /** The last logical column of the blocks. */
    private static final int LAST = FORM_GROUPS.length - 1;
    /** The last sheet column. */
    private static final int LAST_COLUMN = FORM_WIDTHS.length - 1;
    private static final String[] INDICATOR_HEADERS = {"一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "年度指标值",
            "实际完成值", "得分", "未达标原因", "改进措施"};
    private static final List<String> STANDARD_GRADES = List.of("优", "良", "中", "差");

    /** Rows the streaming summary keeps in memory. */
    private static final int SUMMARY_WINDOW = 200;

    public XlsxDocuments() {
    }

    /** 部门整体支出绩效自评表. */
    public byte[] departmentForm(DepartmentReport r) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XlsxStyles st = new XlsxStyles(wb);
            Sheet sheet = wb.createSheet(DEPARTMENT_SHEET);
            XlsxGrid cells = new XlsxGrid(sheet, FORM_WIDTHS);
            XlsxGrid g = cells.grouped(FORM_GROUPS);
            String name = departmentName(r.department());
            String title = r.fiscalYear() + "年度" + name + "部门整体支出绩效自评表";
            int row = titleRows(g, st, title);

            g.text(row, 0, 0, "部门名称", st.label);
            g.text(row, 1, 3, name, st.center);
            g.text(row, 4, 4, "单位数", st.label);
            g.text(row, 5, 5, r.department() == null ? "" : String.valueOf(r.department().unitCount()), st.center);
            g.text(row, 6, 7, "被评价年度", st.label);
            g.text(row, 8, 8, r.fiscalYear() + "年", st.center);
            row++;

            row = budgetBlock(g, st, row, r.budget());
            row = goalsBlock(g, st, row, r.section(SectionKey.ANNUAL_GOALS),
                    r.section(SectionKey.GOAL_ACHIEVEMENT));
            row = tasksBlock(g, st, row, r.tasks());
            int header = row;
            row = indicatorTable(cells, st, row, r.evaluation());
            if (WanTotals.budgetBlock(r.budget())) {
                roundingNote(g, st, row++, LAST, true);
            }

            g.fitHeights();
            formPrintSetup(wb, sheet, title, header, row - 1);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 项目支出绩效自评表. */
    public byte[] projectForm(ProjectReport r) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XlsxStyles st = new XlsxStyles(wb);
            Sheet sheet = wb.createSheet(PROJECT_SHEET);
            XlsxGrid cells = new XlsxGrid(sheet, FORM_WIDTHS);
            XlsxGrid g = cells.grouped(FORM_GROUPS);
            Project p = r.project();
            String title = r.fiscalYear() + "年度项目支出绩效自评表";
            int row = titleRows(g, st, title);

            g.text(row, 0, 0, "项目名称", st.label);
            g.text(row, 1, 5, p == null ? "" : p.name(), st.center);
            g.text(row, 6, 7, "项目编码", st.label);
            g.text(row, 8, 8, p == null ? "" : p.code(), st.center);
            row++;
            g.text(row, 0, 0, "主管部门", st.label);
            g.text(row, 1, 5, departmentName(r.department()), st.center);
            g.text(row, 6, 7, "资金来源", st.label);
            g.text(row, 8, 8, p == null ? "" : p.fundingSource(), st.center);
            row++;
            g.text(row, 0, 0, "被评价年度", st.label);
            g.text(row, 1, 5, r.fiscalYear() + "年", st.center);
            g.text(row, 6, 7, "项目级次", st.label);
            g.text(row, 8, 8, p == null ? "" : projectLevel(p.level()), st.center);
            row++;
            g.text(row, 0, 0, "项目概况", st.label);
            g.text(row, 1, LAST, p == null ? "" : p.description(), st.text);
            row++;

            int first = row;
            pair(g, st, row++, "年初预算", p == null ? null : p.initialBudget(), "调整后预算",
                    p == null ? null : p.adjustedBudget());
            pair(g, st, row++, "调整（追加）", p == null ? null : p.additions(), "执行数", p == null ? null : p.executed());
            g.text(row, 1, 2, "调整（调减）", st.label);
            g.number(row, 3, 4, p == null ? null : Figures.wanValue(p.reductions()), st.amount);
            g.text(row, 5, 6, "执行率", st.label);
            g.rate(row, 7, 8, p == null ? null : p.executionRate(), st.rate);
            row++;
            g.text(row, 1, 2, "调整（划出）", st.label);
            g.number(row, 3, 4, p == null ? null : Figures.wanValue(p.transfersOut()), st.amount);
            g.text(row, 5, LAST, "", st.text);
            g.text(first, row, 0, 0, "项目资金情况", st.label);
            row++;

            g.text(row, 0, 0, "年度绩效目标", st.label);
            g.text(row, 1, LAST, r.section(SectionKey.PROJECT_GOALS), st.text);
            row++;

            int header = row;
            row = indicatorTable(cells, st, row, r.evaluation());
            if (WanTotals.projectFunds(p)) {
                roundingNote(g, st, row++, LAST, true);
            }
            g.fitHeights();
            formPrintSetup(wb, sheet, title, header, row - 1);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The region summary: the ranking table (排名, 部门, 调整预算, 实际支出, 执行率, 总分, 等级, 监控灯) with a 合计 row,
     * and to its right the grade distribution and the monitoring lights. Written with a streaming workbook, so only a
     * window of rows is held in memory whatever the number of lines; its temporary files go when it is closed.
     */
    public byte[] regionSummary(RegionSummary s) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(SUMMARY_WINDOW)) {
            wb.setCompressTempFiles(true);
            XlsxStyles st = new XlsxStyles(wb);
            Sheet sheet = wb.createSheet(SUMMARY_SHEET);
            XlsxGrid g = new XlsxGrid(sheet, 6, 32, 14, 14, 10, 10, 8, 10, 3, 12, 10);
            String[] headers = {"排名", "部门", "调整预算", "实际支出", "执行率", "总分", "等级", "监控灯"};
            int last = headers.length - 1;

            g.text(0, 0, last, s.fiscalYear() + "年度" + Figures.text(s.region()) + "部门整体支出绩效评价汇总表", st.title);
            g.height(0, 30);
            g.text(1, 0, last, "单位：万元" + (s.asOf() == null ? "" : "　　数据截至：" + s.asOf()), st.unit);

            // The side tables (grade distribution, lights) go beside the first rows, written as those rows are.
            List<String[]> side = new ArrayList<>();
            side.add(new String[]{"评价等级", "部门数"});
            distribution(side, s.gradeDistribution(), false);
            side.add(null);
            side.add(new String[]{"监控灯", "部门数"});
            distribution(side, s.lights(), true);

            int header = 2;
            for (int c = 0; c <= last; c++) {
                g.text(header, c, c, headers[c], st.header);
            }
            sideRow(g, st, side, 0, header);
            sheet.createFreezePane(0, header + 1);

            int row = header + 1;
            List<SummaryLine> lines = s.lines() == null ? List.of() : s.lines();
            for (SummaryLine line : lines) {
                g.number(row, 0, 0, BigDecimal.valueOf(line.rank()), st.weight);
                g.text(row, 1, 1, line.departmentName(), st.text);
                g.number(row, 2, 2, Figures.wanValue(line.adjustedBudget()), st.amount);
                g.number(row, 3, 3, Figures.wanValue(line.actualExpenditure()), st.amount);
                g.rate(row, 4, 4, line.executionRate(), st.rate);
                g.number(row, 5, 5, line.total(), st.score);
                g.text(row, 6, 6, line.grade(), st.center);
                g.text(row, 7, 7, light(line.light()), lightStyle(st, line.light()));
                sideRow(g, st, side, row - header, row);
                row++;
            }
            if (!lines.isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(header, row - 1, 0, last));
            }
            g.text(row, 0, 1, "合计", st.bold);
            g.number(row, 2, 2, Figures.wanValue(s.totalAdjustedBudget()), st.amountBold);
            g.number(row, 3, 3, Figures.wanValue(s.totalActualExpenditure()), st.amountBold);
            g.rate(row, 4, 4, s.overallExecutionRate(), st.rateBold);
            g.text(row, 5, last, "", st.center);
            sideRow(g, st, side, row - header, row);
            row++;
            while (row - header < side.size()) {
                sideRow(g, st, side, row - header, row);
                row++;
            }
            roundingNote(g, st, row, last, WanTotals.regionSummary(s));

            XlsxGrid.printSetup(sheet, false);
            sheet.setRepeatingRows(new CellRangeAddress(header, header, 0, last));
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    /** Under the table, the note of DESIGN §5 when its 万元 totals do not add up as displayed. */
    private static void roundingNote(XlsxGrid g, XlsxStyles st, int row, int lastColumn, boolean differs) {
        if (differs) {
            g.text(row, 0, lastColumn, WanTotals.NOTE, st.note);
        }
    }

    /** Title (merged across) and the 单位 row; returns the next row. */
    private static int titleRows(XlsxGrid g, XlsxStyles st, String title) {
        g.text(0, 0, LAST, title, st.title);
        g.height(0, 36);
        g.text(1, 0, LAST, "单位：万元", st.unit);
        return 2;
    }

    /** 部门资金情况: the figures of the seeds' block; with no budget the labels with empty values. */
    private static int budgetBlock(XlsxGrid g, XlsxStyles st, int row, Budget b) {
        int first = row;
        pair(g, st, row++, "部门调整预算收入", b == null ? null : b.adjustedBudget(), "部门年初预算收入",
                b == null ? null : b.initialBudget());
        pair(g, st, row++, "实际支出数", b == null ? null : b.actualExpenditure(), "年度预算调整数",
                b == null ? null : b.adjustmentTotal());
        Map<String, BigDecimal> sources = b == null || b.actualByFundingSource() == null
                ? Map.of()
                : b.actualByFundingSource();
        if (sources.isEmpty()) {
            g.text(row, 1, 2, "其中：一般公共预算", st.label);
            g.number(row, 3, 4, null, st.amount);
            g.text(row, 5, LAST, "", st.text);
            row++;
        } else {
            boolean firstSource = true;
            for (Map.Entry<String, BigDecimal> source : sources.entrySet()) {
                g.text(row, 1, 2, (firstSource ? "其中：" : "　　　") + Figures.text(source.getKey()), st.label);
                g.number(row, 3, 4, Figures.wanValue(source.getValue()), st.amount);
                g.text(row, 5, LAST, "", st.text);
                firstSource = false;
                row++;
            }
        }
        g.text(row, 1, 2, "预算完成率", st.label);
        g.rate(row, 3, 4, b == null ? null : b.executionRate(), st.rate);
        g.text(row, 5, 6, "预算调整率", st.label);
        g.rate(row, 7, 8, b == null ? null : b.adjustmentRate(), st.rate);
        g.text(first, row, 0, 0, "部门资金情况", st.label);
        return row + 1;
    }

    /** A label/amount/label/amount row (B:C, D:E, F:G, H:I); amounts in yuan, shown in 万元. */
    private static void pair(XlsxGrid g, XlsxStyles st, int row, String label1, BigDecimal yuan1, String label2,
            BigDecimal yuan2) {
        g.text(row, 1, 2, label1, st.label);
        g.number(row, 3, 4, Figures.wanValue(yuan1), st.amount);
        g.text(row, 5, 6, label2, st.label);
        g.number(row, 7, 8, Figures.wanValue(yuan2), st.amount);
    }

    /** 年度目标: 预期目标 (left) against 目标完成情况 (right). */
    private static int goalsBlock(XlsxGrid g, XlsxStyles st, int row, String goals, String achievement) {
        g.text(row, 1, 4, "部门整体支出的预期目标", st.header);
        g.text(row, 5, LAST, "部门整体支出的目标完成情况", st.header);
        g.text(row + 1, 1, 4, goals, st.text);
        g.text(row + 1, 5, LAST, achievement, st.text);
        g.text(row, row + 1, 0, 0, "年度目标", st.label);
        return row + 2;
    }

    /** 主要任务: a row per task; one empty row when there is none. */
    private static int tasksBlock(XlsxGrid g, XlsxStyles st, int row, List<Task> tasks) {
        int first = row;
        g.text(row, 1, 1, "任务", st.header);
        g.text(row, 2, 2, "预期目标", st.header);
        g.text(row, 3, 4, "目标完成情况", st.header);
        g.text(row, 5, 6, "关键指标", st.header);
        g.text(row, 7, 7, "指标完成情况", st.header);
        g.text(row, 8, 8, "任务涉及资金", st.header);
        row++;
        List<Task> list = tasks == null || tasks.isEmpty() ? new ArrayList<>() : tasks;
        if (list.isEmpty()) {
            list.add(new Task(null, null, null, null, null, null));
        }
        for (Task t : list) {
            g.text(row, 1, 1, t.name(), st.text);
            g.text(row, 2, 2, t.expectedGoal(), st.text);
            g.text(row, 3, 4, t.achievement(), st.text);
            g.text(row, 5, 6, t.keyIndicator(), st.text);
            g.text(row, 7, 7, t.indicatorResult(), st.text);
            g.number(row, 8, 8, Figures.wanValue(t.funds()), st.amount);
            row++;
        }
        g.text(first, row - 1, 0, 0, "主要任务", st.label);
        return row;
    }

    /**
     * A form's print setup: landscape A4, one page wide and as many tall as needed, the indicator table's header row
     * ({@code header}) repeated on every page, the print area over the whole form (rows 0..{@code lastRow}), the page
     * number in the footer and the title in the workbook's properties.
     */
    private static void formPrintSetup(XSSFWorkbook wb, Sheet sheet, String title, int header, int lastRow) {
        XlsxGrid.printSetup(sheet, true);
        sheet.setRepeatingRows(new CellRangeAddress(header, header, 0, LAST_COLUMN));
        wb.setPrintArea(wb.getSheetIndex(sheet), 0, LAST_COLUMN, 0, lastRow);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
        wb.getProperties().getCoreProperties().setTitle(title);
    }

    /**
     * The indicator table on the sheet's eleven columns, in the tree's outline order: each 一级 (name and 分值) merged
     * over its descendants' rows, each 二级 likewise, then 三级 and its 分值, 年度指标值, 实际完成值, 得分, 未达标原因, 改进措施;
     * then 总分 and the 评价等级 tick row. A leaf on level 2 fills the 二级 cells (三级 empty), one on level 1 only the
     * 一级 cells. Returns the next row.
     */
    private static int indicatorTable(XlsxGrid g, XlsxStyles st, int row, Evaluation e) {
        for (int c = 0; c <= LAST_COLUMN; c++) {
            g.text(row, c, c, INDICATOR_HEADERS[c], st.header);
        }
        row++;
        List<XlsxIndicatorRows.Line> lines = XlsxIndicatorRows.of(e);
        int first = row;
        if (lines.isEmpty()) {
            for (int c = 0; c <= LAST_COLUMN; c++) {
                g.text(row, c, c, "", st.text);
            }
            row++;
        }
        for (XlsxIndicatorRows.Line line : lines) {
            Indicator leaf = line.leaf();
            if (line.level2() != null) {
                g.text(row, 4, 4, line.leafName(), st.text);
                g.number(row, 5, 5, leaf.weight(), st.weight);
            } else {
                if (leaf != line.level1()) {
                    // A leaf on level 2: it is the row's 二级指标.
                    g.text(row, 2, 2, leaf.name(), st.center);
                    g.number(row, 3, 3, leaf.weight(), st.weight);
                } else {
                    g.text(row, 2, 3, "", st.center);
                }
                g.text(row, 4, 5, "", st.text);
            }
            g.text(row, 6, 6, leaf.target(), st.center);
            g.text(row, 7, 7, leaf.notApplicable() && Figures.text(leaf.actual()).isEmpty() ? NOT_APPLICABLE : leaf.actual(),
                    st.center);
            if (leaf.notApplicable()) {
                g.text(row, 8, 8, NOT_APPLICABLE, st.center);
            } else {
                g.number(row, 8, 8, leaf.score(), st.score);
            }
            g.text(row, 9, 9, leaf.reason(), st.text);
            g.text(row, 10, 10, leaf.measure(), st.text);
            row++;
        }
        for (XlsxIndicatorRows.Run run : XlsxIndicatorRows.level1Runs(lines)) {
            g.text(first + run.first(), first + run.last(), 0, 0, run.indicator().name(), st.center);
            weight(g, st, first + run.first(), first + run.last(), 1, run.indicator().weight());
        }
        for (XlsxIndicatorRows.Run run : XlsxIndicatorRows.level2Runs(lines)) {
            g.text(first + run.first(), first + run.last(), 2, 2, run.indicator().name(), st.center);
            weight(g, st, first + run.first(), first + run.last(), 3, run.indicator().weight());
        }

        g.text(row, 0, 7, "总分", st.bold);
        g.number(row, 8, 8, e == null ? null : e.total(), st.scoreBold);
        g.text(row, 9, LAST_COLUMN, "", st.text);
        row++;
        g.text(row, 0, 1, "评价等级", st.bold);
        g.text(row, 2, LAST_COLUMN, gradeTicks(e == null ? "" : Figures.text(e.grade())), st.center);
        row++;
        if (e != null && e.rescaled()) {
            g.text(row, 0, LAST_COLUMN, "注：部分指标不适用，总分已按适用指标的分值折算。", st.note);
            row++;
        }
        return row;
    }

    /** A 分值 cell over rows r1..r2 of column c (merged when it spans several rows); no weight leaves it empty. */
    private static void weight(XlsxGrid g, XlsxStyles st, int r1, int r2, int c, BigDecimal weight) {
        g.text(r1, r2, c, c, null, st.weight);
        if (weight != null) {
            g.sheet().getRow(r1).getCell(c).setCellValue(weight.doubleValue());
        }
    }

    /**
     * The 评价等级 row's tick boxes: "优（√）　良（ ）　中（ ）　差（ ）" with the evaluation's grade ticked (none when it has
     * no grade); a grade outside the four is added ticked.
     */
    static String gradeTicks(String grade) {
        StringBuilder ticks = new StringBuilder();
        for (String g : STANDARD_GRADES) {
            if (ticks.length() > 0) {
                ticks.append('　');
            }
            ticks.append(g).append(g.equals(grade) ? "（√）" : "（ ）");
        }
        if (grade != null && !grade.isEmpty() && !STANDARD_GRADES.contains(grade)) {
            ticks.append('　').append(grade).append("（√）");
        }
        return ticks.toString();
    }

    /** "☑优　□良　□中　□差" for the usual grades; empty otherwise (the grade cell shows it). */
    static String gradeMarks(String grade) {
        if (!STANDARD_GRADES.contains(grade)) {
            return "";
        }
        StringBuilder marks = new StringBuilder();
        for (String g : STANDARD_GRADES) {
            if (marks.length() > 0) {
                marks.append('　');
            }
            marks.append(g.equals(grade) ? '☑' : '□').append(g);
        }
        return marks.toString();
    }

    private static void distribution(List<String[]> side, Map<String, Integer> counts, boolean lights) {
        if (counts == null) {
            return;
        }
        counts.forEach((k, v) -> side.add(new String[]{lights ? light(k) : Figures.text(k), v == null ? "" : v.toString()}));
    }

    /** Writes the side table's entry {@code index} (if any) into columns J:K of {@code row}. */
    private static void sideRow(XlsxGrid g, XlsxStyles st, List<String[]> side, int index, int row) {
        if (index < 0 || index >= side.size() || side.get(index) == null) {
            return;
        }
        String[] entry = side.get(index);
        boolean heading = index == 0 || side.get(index - 1) == null;
        g.text(row, 9, 9, entry[0], heading ? st.header : st.center);
        if (heading) {
            g.text(row, 10, 10, entry[1], st.header);
        } else {
            g.number(row, 10, 10, entry[1].isEmpty() ? null : new BigDecimal(entry[1]), st.weight);
        }
    }

    static String light(String light) {
        if (light == null) {
            return "";
        }
        return switch (light) {
            case "GREEN" -> "绿灯";
            case "YELLOW" -> "黄灯";
            case "RED" -> "红灯";
            case "NONE" -> "无";
            default -> light;
        };
    }

    private static CellStyle lightStyle(XlsxStyles st, String light) {
        if (light == null) {
            return st.center;
        }
        return switch (light) {
            case "GREEN" -> st.green;
            case "YELLOW" -> st.yellow;
            case "RED" -> st.red;
            default -> st.center;
        };
    }

    static String projectLevel(int level) {
        return switch (level) {
            case 1 -> "一级项目";
            case 2 -> "二级项目";
            case 3 -> "三级项目";
            default -> level <= 0 ? "" : level + "级项目";
        };
    }

    static String departmentName(Department d) {
        return d == null ? "" : Figures.text(d.name());
    }

    private static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        wb.write(out);
        return out.toByteArray();
    }
}
