package gov.budgetperf.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gov.budgetperf.report.content.ReportData.DepartmentReport;
import gov.budgetperf.report.content.ReportData.Evaluation;
import gov.budgetperf.report.content.ReportData.Indicator;
import gov.budgetperf.report.content.ReportData.ProjectReport;
import gov.budgetperf.report.content.ReportData.RegionSummary;
import gov.budgetperf.report.content.ReportData.SummaryLine;
import gov.budgetperf.report.content.SampleData;

class XlsxDocumentsTest {

    private final XlsxDocuments xlsx = new XlsxDocuments();
    private final DataFormatter formatter = new DataFormatter();

    @Test
    void departmentFormShowsTheSeedFigures() throws IOException {
        try (XSSFWorkbook wb = read(xlsx.departmentForm(SampleData.tianheReport()))) {
            XSSFSheet sheet = wb.getSheet(XlsxDocuments.DEPARTMENT_SHEET);
            assertThat(sheet).isNotNull();
            assertThat(text(sheet.getRow(0).getCell(0))).isEqualTo("2022年度广州市天河区工商业联合会部门整体支出绩效自评表");
            assertThat(merged(sheet, sheet.getRow(0).getCell(0))).isEqualTo(new CellRangeAddress(0, 0, 0, 10));
            assertThat(text(find(sheet, "单位：万元"))).isEqualTo("单位：万元");
            assertThat(text(right(sheet, "部门名称"))).isEqualTo("广州市天河区工商业联合会");
            assertThat(text(right(sheet, "被评价年度"))).isEqualTo("2022年");

            assertAmount(right(sheet, "部门调整预算收入"), 418.03);
            assertAmount(right(sheet, "部门年初预算收入"), 417.82);
            assertAmount(right(sheet, "实际支出数"), 401.42);
            assertAmount(right(sheet, "年度预算调整数"), 0.21);
            assertAmount(right(sheet, "其中：一般公共预算"), 401.42);
            assertRate(right(sheet, "预算完成率"), 0.9603, "96.03%");
            assertRate(right(sheet, "预算调整率"), 0.0005, "0.05%");
            // The block label spans the budget rows.
            CellRangeAddress block = merged(sheet, find(sheet, "部门资金情况"));
            assertThat(block).isNotNull();
            assertThat(block.getLastRow() - block.getFirstRow() + 1).isEqualTo(4);

            // 年度目标: expected goals left, achievement right, the narrative's lines kept.
            Cell goalsHeader = find(sheet, "部门整体支出的预期目标");
            Cell goals = sheet.getRow(goalsHeader.getRowIndex() + 1).getCell(goalsHeader.getColumnIndex());
            assertThat(text(goals)).startsWith("1.强化思想政治引领").contains("\n2.服务“两个健康”");
            assertThat(text(right(sheet, goals))).startsWith("聚焦“两个健康”工作主题");
            assertThat(sheet.getRow(goals.getRowIndex()).getHeightInPoints()).isGreaterThan(20f);

            // 主要任务: a row per task, funds in 万元 (none → empty).
            Cell task4 = find(sheet, "任务4 推动党建工作提质扩面");
            Row taskRow = sheet.getRow(task4.getRowIndex());
            assertThat(text(taskRow.getCell(4))).isEqualTo("全面推进党的组织覆盖");
            assertThat(text(taskRow.getCell(7))).isEqualTo("赠阅报刊");
            assertAmount(taskRow.getCell(10), 9.96);
            Row task1 = sheet.getRow(find(sheet, "任务1 强化思想政治引领").getRowIndex());
            assertThat(task1.getCell(10).getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void indicatorTableMergesLevelsOverTheirLeaves() throws IOException {
        try (XSSFWorkbook wb = read(xlsx.departmentForm(SampleData.tianheReport()))) {
            XSSFSheet sheet = wb.getSheet(XlsxDocuments.DEPARTMENT_SHEET);
            Cell header = find(sheet, "一级指标");
            List<String> headers = new ArrayList<>();
            sheet.getRow(header.getRowIndex()).forEach(c -> headers.add(text(c)));
            assertThat(headers).containsExactly("一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "年度指标值", "实际完成值", "得分",
                    "未达标原因", "改进措施");

            // 履职效能 spans its three leaves, 部门履职目标 its two; 部门效果目标 has one leaf, no merge.
            Cell lz = find(sheet, "履职效能");
            assertThat(lz.getColumnIndex()).isZero();
            assertThat(lz.getRowIndex()).isEqualTo(header.getRowIndex() + 1);
            assertThat(merged(sheet, lz)).isEqualTo(new CellRangeAddress(lz.getRowIndex(), lz.getRowIndex() + 2, 0, 0));
            assertThat(merged(sheet, find(sheet, "部门履职目标")))
                    .isEqualTo(new CellRangeAddress(lz.getRowIndex(), lz.getRowIndex() + 1, 2, 2));
            assertThat(merged(sheet, find(sheet, "部门效果目标"))).isNull();
            Cell gl = find(sheet, "管理效率");
            assertThat(merged(sheet, gl)).isEqualTo(new CellRangeAddress(gl.getRowIndex(), gl.getRowIndex() + 1, 0, 0));

            Row leaf = sheet.getRow(find(sheet, "重点工作任务完成率").getRowIndex());
            assertThat(leaf.getCell(5).getNumericCellValue()).isEqualTo(10.0);
            assertThat(text(leaf.getCell(6))).isEqualTo("≥100%");
            assertThat(text(leaf.getCell(7))).isEqualTo("95%");
            assertThat(leaf.getCell(8).getNumericCellValue()).isCloseTo(9.5, within(1e-9));
            assertThat(text(leaf.getCell(8))).isEqualTo("9.50");
            assertThat(text(leaf.getCell(9))).isEqualTo("受疫情影响，部分活动延期");
            assertThat(text(leaf.getCell(10))).isEqualTo("提前谋划，做好应急预案");

            Cell total = right(sheet, "总分");
            assertThat(total.getNumericCellValue()).isCloseTo(90.77, within(1e-9));
            assertThat(text(total)).isEqualTo("90.77");
            assertThat(text(right(sheet, "评价等级"))).isEqualTo("优（√）　良（ ）　中（ ）　差（ ）");

            // Styles name a CJK font; print setup landscape A4, one page wide.
            assertThat(wb.getFontAt(((XSSFCell) lz).getCellStyle().getFontIndex()).getFontName()).isEqualTo("宋体");
            assertThat(((XSSFCell) lz).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
            assertThat(sheet.getFitToPage()).isTrue();
        }
    }

    /** Three 一级 with several 二级 (one of them a scored leaf), given level by level rather than depth first. */
    private static Evaluation scrambledTree() {
        List<Indicator> nodes = List.of(node("A11", "A1", 3, "产品数量达标率", "10"), node("B11", "B1", 3, "企业培训人次", "10"),
                node("C11", "C1", 3, "预算执行率", "20"), node("A12", "A1", 3, "活动场次完成率", "10"),
                node("B12", "B1", 3, "调研报告采纳数", "10"), node("A21", "A2", 3, "活动质量达标率", "20"),
                node("B13", "B1", 3, "商会换届完成率", "5"), node("A1", "A", 2, "数量指标", "20"),
                node("B1", "B", 2, "社会效益", "25"), node("C1", "C", 2, "预算管理", "20"), node("A2", "A", 2, "质量指标", "20"),
                leaf2("B2", "B", "服务对象满意度", "15"), node("A", null, 1, "产出指标", "40"),
                node("B", null, 1, "效益指标", "40"), node("C", null, 1, "管理效率", "20"));
        return new Evaluation(7, 3, "SELF", "APPROVED", "GZ-DEPT-COMMON/v1", new BigDecimal("85.50"), "良", false, nodes);
    }

    private static Indicator node(String code, String parent, int level, String name, String weight) {
        boolean leaf = level == 3;
        return new Indicator(code, parent, level, name, new BigDecimal(weight), leaf ? "≥90%" : "", leaf ? "95%" : "",
                leaf ? new BigDecimal(weight) : null, "", "", false, leaf);
    }

    private static Indicator leaf2(String code, String parent, String name, String weight) {
        return new Indicator(code, parent, 2, name, new BigDecimal(weight), "≥90%", "97%", new BigDecimal("14.5"), "",
                "", false, true);
    }

    @Test
    void departmentFormListsIndicatorsInOutlineOrderWithTheirWeights() throws IOException {
        DepartmentReport r = withEvaluation(SampleData.tianheReport(), scrambledTree());
        try (XSSFWorkbook wb = read(xlsx.departmentForm(r))) {
            XSSFSheet sheet = wb.getSheet(XlsxDocuments.DEPARTMENT_SHEET);
            int header = find(sheet, "一级指标").getRowIndex();
            int first = header + 1;
            int last = find(sheet, "总分").getRowIndex() - 1;
            assertThat(last - first + 1).isEqualTo(8);

            // Rows in outline order: 三级 (or the level-2 leaf in 二级) reading down the table.
            List<String> order = new ArrayList<>();
            for (int i = first; i <= last; i++) {
                Row row = sheet.getRow(i);
                String level3 = text(row.getCell(4));
                order.add(level3.isEmpty() ? text(row.getCell(2)) : level3);
            }
            assertThat(order).containsExactly("产品数量达标率", "活动场次完成率", "活动质量达标率", "企业培训人次", "调研报告采纳数", "商会换届完成率",
                    "服务对象满意度", "预算执行率");

            // Each 一级 is written once, in one region over exactly its rows; its 分值 merged beside it.
            assertLevel(sheet, 0, "产出指标", first, first + 2, 40);
            assertLevel(sheet, 0, "效益指标", first + 3, first + 6, 40);
            assertLevel(sheet, 0, "管理效率", first + 7, first + 7, 20);
            assertLevel(sheet, 2, "数量指标", first, first + 1, 20);
            assertLevel(sheet, 2, "质量指标", first + 2, first + 2, 20);
            assertLevel(sheet, 2, "社会效益", first + 3, first + 5, 25);
            assertLevel(sheet, 2, "服务对象满意度", first + 6, first + 6, 15);
            assertLevel(sheet, 2, "预算管理", first + 7, first + 7, 20);
            for (int i = first; i <= last; i++) {
                // Every region of the indicator columns lies within the table rows and starts on an 一级/二级 name.
                for (CellRangeAddress region : sheet.getMergedRegions()) {
                    if (region.isInRange(i, 0) || region.isInRange(i, 2)) {
                        assertThat(region.getFirstRow()).isGreaterThanOrEqualTo(first);
                        assertThat(region.getLastRow()).isLessThanOrEqualTo(last);
                    }
                }
            }
            // 三级 分值 beside each leaf; the level-2 leaf leaves 三级 empty, its score in 得分.
            Row a11 = sheet.getRow(first);
            assertThat(a11.getCell(5).getNumericCellValue()).isEqualTo(10.0);
            assertThat(text(a11.getCell(6))).isEqualTo("≥90%");
            assertThat(text(a11.getCell(7))).isEqualTo("95%");
            Row b2 = sheet.getRow(first + 6);
            assertThat(b2.getCell(5).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(b2.getCell(8).getNumericCellValue()).isCloseTo(14.5, within(1e-9));

            // The grade as one tick-box row.
            Cell grade = find(sheet, "评价等级");
            assertThat(text(right(sheet, grade))).isEqualTo("优（ ）　良（√）　中（ ）　差（ ）");
            assertThat(merged(sheet, right(sheet, grade)))
                    .isEqualTo(new CellRangeAddress(grade.getRowIndex(), grade.getRowIndex(), 2, 10));
        }
    }

    /** The name is in exactly one cell of column c, merged (name and 分值 beside it) over rows r1..r2. */
    private void assertLevel(XSSFSheet sheet, int c, String name, int r1, int r2, double weight) {
        List<Cell> cells = new ArrayList<>();
        for (Row row : sheet) {
            Cell cell = row.getCell(c);
            if (cell != null && cell.getCellType() == CellType.STRING && name.equals(cell.getStringCellValue())) {
                cells.add(cell);
            }
        }
        assertThat(cells).as(name).hasSize(1);
        assertThat(cells.get(0).getRowIndex()).as(name).isEqualTo(r1);
        CellRangeAddress nameRegion = merged(sheet, cells.get(0));
        Cell weightCell = sheet.getRow(r1).getCell(c + 1);
        CellRangeAddress weightRegion = merged(sheet, weightCell);
        if (r2 > r1) {
            assertThat(nameRegion).as(name).isEqualTo(new CellRangeAddress(r1, r2, c, c));
            assertThat(weightRegion).as(name).isEqualTo(new CellRangeAddress(r1, r2, c + 1, c + 1));
        } else {
            assertThat(nameRegion).as(name).isNull();
            assertThat(weightRegion).as(name).isNull();
        }
        assertThat(weightCell.getNumericCellValue()).as(name).isEqualTo(weight);
    }

    @Test
    void formsPrintLandscapeOnePageWideWithTheTableHeaderOnEveryPage() throws IOException {
        List<byte[]> forms = List.of(xlsx.departmentForm(SampleData.tianheReport()),
                xlsx.projectForm(SampleData.projectReport()));
        for (byte[] bytes : forms) {
            try (XSSFWorkbook wb = read(bytes)) {
                XSSFSheet sheet = wb.getSheetAt(0);
                PrintSetup print = sheet.getPrintSetup();
                assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(print.getLandscape()).isTrue();
                assertThat(sheet.getFitToPage()).isTrue();
                assertThat(print.getFitWidth()).isEqualTo((short) 1);
                assertThat(print.getFitHeight()).isZero();

                int header = find(sheet, "一级指标").getRowIndex();
                assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(header);
                assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(header);
                int lastRow = sheet.getLastRowNum();
                String area = wb.getPrintArea(0);
                assertThat(area.replace("'", "")).isEqualTo(sheet.getSheetName() + "!$A$1:$K$" + (lastRow + 1));
                assertThat(wb.getProperties().getCoreProperties().getTitle()).isEqualTo(text(sheet.getRow(0).getCell(0)));

                // The columns fit the landscape page at full size even measured with a wide fallback for the default
                // font (7.2 pt a character, as LibreOffice prints without Calibri), so fitting to one page wide does
                // not shrink the 10-point body.
                double inches = 0;
                for (int c = 0; c <= 10; c++) {
                    inches += sheet.getColumnWidth(c) / 256.0 * 7.2 / 72;
                }
                double printable = 297 / 25.4 - sheet.getMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT)
                        - sheet.getMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT);
                assertThat(inches).isLessThanOrEqualTo(printable);

                // No cell prints below 9 points.
                int cells = 0;
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        short points = wb.getFontAt(cell.getCellStyle().getFontIndex()).getFontHeightInPoints();
                        assertThat(points).as("font of %s", cell.getAddress()).isGreaterThanOrEqualTo((short) 9);
                        cells++;
                    }
                }
                assertThat(cells).isGreaterThan(100);
            }
        }
    }

    @Test
    void notApplicableLeavesAreMarked() throws IOException {
        Evaluation e = SampleData.zengchengEvaluation();
        List<Indicator> nodes = new ArrayList<>(e.indicators());
        Indicator gl11 = nodes.get(8);
        nodes.set(8, new Indicator(gl11.code(), gl11.parentCode(), 3, gl11.name(), gl11.weight(), gl11.target(), "",
                null, "", "", true, true));
        DepartmentReport r = withEvaluation(SampleData.tianheReport(),
                new Evaluation(e.id(), e.version(), e.kind(), e.status(), e.ruleSet(), e.total(), e.grade(), true, nodes));
        try (XSSFWorkbook wb = read(xlsx.departmentForm(r))) {
            XSSFSheet sheet = wb.getSheet(XlsxDocuments.DEPARTMENT_SHEET);
            Row row = sheet.getRow(find(sheet, "预算执行率").getRowIndex());
            assertThat(text(row.getCell(7))).isEqualTo("不适用");
            assertThat(text(row.getCell(8))).isEqualTo("不适用");
            assertThat(find(sheet, "注：部分指标不适用，总分已按适用指标的分值折算。")).isNotNull();
        }
    }

    @Test
    void missingBudgetAndEvaluationLeaveTheBlocksEmpty() throws IOException {
        DepartmentReport full = SampleData.tianheReport();
        DepartmentReport r = new DepartmentReport(full.department(), full.fiscalYear(), full.asOf(), null, null,
                Map.of(), List.of(), List.of(), full.generatedAt());
        byte[] bytes = xlsx.departmentForm(r);
        try (XSSFWorkbook wb = read(bytes)) {
            XSSFSheet sheet = wb.getSheet(XlsxDocuments.DEPARTMENT_SHEET);
            assertThat(right(sheet, "部门调整预算收入").getCellType()).isEqualTo(CellType.BLANK);
            assertThat(right(sheet, "预算完成率").getCellType()).isEqualTo(CellType.BLANK);
            assertThat(find(sheet, "其中：一般公共预算")).isNotNull();
            assertThat(find(sheet, "一级指标")).isNotNull();
            assertThat(right(sheet, "总分").getCellType()).isEqualTo(CellType.BLANK);
            assertThat(text(right(sheet, "评价等级"))).isEqualTo("优（ ）　良（ ）　中（ ）　差（ ）");
        }
    }

    @Test
    void projectFormShowsFundingGoalsAndIndicators() throws IOException {
        try (XSSFWorkbook wb = read(xlsx.projectForm(SampleData.projectReport()))) {
            XSSFSheet sheet = wb.getSheet(XlsxDocuments.PROJECT_SHEET);
            assertThat(text(sheet.getRow(0).getCell(0))).isEqualTo("2022年度项目支出绩效自评表");
            assertThat(text(right(sheet, "项目名称"))).isEqualTo("2022年区工商联工作经费");
            assertThat(text(right(sheet, "项目编码"))).isEqualTo("TH-2022-GZJF");
            assertThat(text(right(sheet, "主管部门"))).isEqualTo("广州市天河区工商业联合会");
            assertThat(text(right(sheet, "资金来源"))).isEqualTo("一般公共预算");
            assertThat(text(right(sheet, "项目级次"))).isEqualTo("一级项目");
            assertAmount(right(sheet, "年初预算"), 14.12);
            assertAmount(right(sheet, "调整（追加）"), 0.00);
            assertAmount(right(sheet, "调整（调减）"), 0.00);
            assertAmount(right(sheet, "调整（划出）"), 0.00);
            assertAmount(right(sheet, "调整后预算"), 14.12);
            assertAmount(right(sheet, "执行数"), 14.12);
            assertRate(right(sheet, "执行率"), 1.0, "100.00%");
            assertThat(text(right(sheet, "年度绩效目标"))).isEmpty();
            assertThat(merged(sheet, find(sheet, "履职效能"))).isNotNull();
            assertThat(right(sheet, "总分").getNumericCellValue()).isCloseTo(90.77, within(1e-9));
            assertThat(text(right(sheet, "评价等级"))).isEqualTo("优（√）　良（ ）　中（ ）　差（ ）");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(find(sheet, "一级指标").getRowIndex());
        }
        ProjectReport p = SampleData.projectReport();
        ProjectReport empty = new ProjectReport(p.department(), p.fiscalYear(), p.asOf(), null, null, Map.of(),
                p.generatedAt());
        assertThatCode(() -> read(xlsx.projectForm(empty)).close()).doesNotThrowAnyException();
    }

    @Test
    void regionSummaryRanksAndCounts() throws IOException {
        try (XSSFWorkbook wb = read(xlsx.regionSummary(SampleData.regionSummary()))) {
            XSSFSheet sheet = wb.getSheet(XlsxDocuments.SUMMARY_SHEET);
            assertThat(text(sheet.getRow(0).getCell(0))).isEqualTo("2022年度广州市部门整体支出绩效评价汇总表");
            List<String> headers = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                headers.add(text(sheet.getRow(2).getCell(c)));
            }
            assertThat(headers).containsExactly("排名", "部门", "调整预算", "实际支出", "执行率", "总分", "等级", "监控灯");
            Row first = sheet.getRow(3);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(text(first.getCell(1))).isEqualTo("广州市花都区工商业联合会");
            Row tianhe = sheet.getRow(find(sheet, "广州市天河区工商业联合会").getRowIndex());
            assertAmount(tianhe.getCell(2), 418.03);
            assertAmount(tianhe.getCell(3), 401.42);
            assertRate(tianhe.getCell(4), 0.9603, "96.03%");
            assertThat(text(tianhe.getCell(5))).isEqualTo("85.00");
            assertThat(text(tianhe.getCell(6))).isEqualTo("良");
            assertThat(text(tianhe.getCell(7))).isEqualTo("黄灯");

            Row total = sheet.getRow(find(sheet, "合计").getRowIndex());
            assertAmount(total.getCell(2), 1454.61);
            assertAmount(total.getCell(3), 1390.54);
            assertRate(total.getCell(4), 0.9559, "95.59%");

            Cell gradeHeader = find(sheet, "评价等级");
            assertThat(gradeHeader.getColumnIndex()).isEqualTo(9);
            assertThat(text(sheet.getRow(gradeHeader.getRowIndex() + 1).getCell(9))).isEqualTo("优");
            assertThat(sheet.getRow(gradeHeader.getRowIndex() + 1).getCell(10).getNumericCellValue()).isEqualTo(2.0);
            Cell lightsHeader = sheet.getRow(gradeHeader.getRowIndex() + 6).getCell(9);
            assertThat(text(lightsHeader)).isEqualTo("监控灯");
            Row green = sheet.getRow(lightsHeader.getRowIndex() + 1);
            assertThat(text(green.getCell(9))).isEqualTo("绿灯");
            assertThat(text(green.getCell(10))).isEqualTo("2");
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        }
    }

    /** 5,000 lines are written through the streaming workbook, read back whole, and leave no temporary file. */
    @Test
    void regionSummaryStreamsThousandsOfLines(@TempDir Path tmp) throws IOException {
        RegionSummary sample = SampleData.regionSummary();
        List<SummaryLine> lines = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            lines.add(new SummaryLine(i, "D" + i, "部门" + i, new BigDecimal("1000000.00"), new BigDecimal("960300.00"),
                    new BigDecimal("96.03"), new BigDecimal("90.77"), "优", i % 3 == 0 ? "RED" : "GREEN", "PUBLISHED"));
        }
        RegionSummary big = new RegionSummary(sample.region(), sample.fiscalYear(), sample.asOf(), lines,
                sample.gradeDistribution(), sample.lights(), new BigDecimal("5000000000.00"),
                new BigDecimal("4801500000.00"), new BigDecimal("96.03"), sample.generatedAt());

        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(tmp.toFile()));
        byte[] bytes;
        try {
            bytes = xlsx.regionSummary(big);
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
        try (Stream<Path> left = Files.walk(tmp)) {
            assertThat(left.filter(Files::isRegularFile)).as("streaming temp files are removed").isEmpty();
        }
        try (XSSFWorkbook wb = read(bytes)) {
            XSSFSheet sheet = wb.getSheet(XlsxDocuments.SUMMARY_SHEET);
            // title, unit, header, 5,000 lines, 合计
            assertThat(sheet.getLastRowNum()).isEqualTo(3 + 5000);
            assertThat(text(sheet.getRow(3 + 4999).getCell(1))).isEqualTo("部门5000");
            assertThat(text(sheet.getRow(3 + 5000).getCell(0))).isEqualTo("合计");
            assertAmount(sheet.getRow(3 + 5000).getCell(2), 500000.00);
        }
    }

    /** Workbooks are closed: rendering the form many times does not accumulate heap. */
    @Test
    void repeatedRenderingKeepsMemoryFlat() {
        DepartmentReport r = SampleData.tianheReport();
        for (int i = 0; i < 20; i++) {
            xlsx.departmentForm(r);
        }
        long before = usedAfterGc();
        for (int i = 0; i < 200; i++) {
            assertThat(xlsx.departmentForm(r)).isNotEmpty();
        }
        long after = usedAfterGc();
        assertThat(after - before).as("heap growth after 200 renderings").isLessThan(64L * 1024 * 1024);
    }

    // ----------------------------------------------------------------------------------------------------------------

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    static DepartmentReport withEvaluation(DepartmentReport r, Evaluation e) {
        return new DepartmentReport(r.department(), r.fiscalYear(), r.asOf(), r.budget(), e, r.narratives(), r.tasks(),
                r.projects(), r.generatedAt());
    }

    private static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private String text(Cell cell) {
        return cell == null ? "" : formatter.formatCellValue(cell);
    }

    private void assertAmount(Cell cell, double wan) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isCloseTo(wan, within(1e-9));
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.00");
        assertThat(text(cell)).isEqualTo(String.format("%.2f", wan));
    }

    private void assertRate(Cell cell, double fraction, String shown) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isCloseTo(fraction, within(1e-12));
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
        assertThat(text(cell)).isEqualTo(shown);
    }

    /** The first cell (row by row) whose text is exactly {@code text}. */
    private Cell find(XSSFSheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && text.equals(cell.getStringCellValue())) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no cell with text " + text);
    }

    /** The cell right of the labelled cell (past its merged region). */
    private Cell right(XSSFSheet sheet, String label) {
        return right(sheet, find(sheet, label));
    }

    private Cell right(XSSFSheet sheet, Cell cell) {
        CellRangeAddress region = merged(sheet, cell);
        int next = region == null ? cell.getColumnIndex() + 1 : region.getLastColumn() + 1;
        Row row = sheet.getRow(cell.getRowIndex());
        Cell right = row.getCell(next);
        return right != null ? right : row.createCell(next);
    }

    private static CellRangeAddress merged(XSSFSheet sheet, Cell cell) {
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.isInRange(cell)) {
                return region;
            }
        }
        return null;
    }

}
