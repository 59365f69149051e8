package gov.budgetperf.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import gov.budgetperf.report.content.Figures;
import gov.budgetperf.report.content.ReportData.Budget;
import gov.budgetperf.report.content.ReportData.DepartmentReport;
import gov.budgetperf.report.content.ReportData.Project;
import gov.budgetperf.report.content.ReportData.ProjectReport;
import gov.budgetperf.report.content.ReportData.RegionSummary;
import gov.budgetperf.report.content.ReportData.SummaryLine;
import gov.budgetperf.report.content.SampleData;
import gov.budgetperf.report.content.WanTotals;

/**
 * DESIGN §5's 万元 rule in every format: totals are rounded from exact yuan, and a table whose displayed parts do not
 * add up to its displayed total carries 因四舍五入，合计数与分项数之和可能存在尾差; one whose figures add up (the seeds) does
 * not. The example: three parts of 1,234.50 yuan each show 0.12 + 0.12 + 0.12 = 0.36, their total 3,703.50 shows 0.37.
 */
class WanRoundingNoteTest {

    private static final HtmlDocuments HTML = new HtmlDocuments(HtmlTemplates.standaloneEngine());
    private static final String PART = "1234.50";
    private static final String THREE_PARTS = "3703.50";

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** Three departments of 1,234.50 yuan each (budget and spending): 合计 3,703.50 yuan. */
    static RegionSummary threeSmallDepartments() {
        RegionSummary seed = SampleData.regionSummary();
        List<SummaryLine> lines = List.of(
                new SummaryLine(1, "A", "甲单位", d(PART), d(PART), d("100.00"), d("90.00"), "优", "GREEN", "PUBLISHED"),
                new SummaryLine(2, "B", "乙单位", d(PART), d(PART), d("100.00"), d("85.00"), "良", "GREEN", "PUBLISHED"),
                new SummaryLine(3, "C", "丙单位", d(PART), d(PART), d("100.00"), d("80.00"), "良", "GREEN", "PUBLISHED"));
        return new RegionSummary(seed.region(), seed.fiscalYear(), seed.asOf(), lines, seed.gradeDistribution(),
                seed.lights(), d(THREE_PARTS), d(THREE_PARTS), d("100.00"), seed.generatedAt());
    }

    /** Spent from three funding sources and on three types, 1,234.50 yuan each; no adjustment. */
    static DepartmentReport threeSmallParts() {
        DepartmentReport seed = SampleData.tianheReport();
        Map<String, BigDecimal> bySource = new LinkedHashMap<>();
        bySource.put("一般公共预算", d(PART));
        bySource.put("政府性基金", d(PART));
        bySource.put("其他", d(PART));
        Budget b = new Budget(1, d(THREE_PARTS), d("0.00"), d(THREE_PARTS), d(THREE_PARTS), d("2469.00"), d(PART),
                d(PART), d(PART), bySource, d("100.00"), d("0.00"), d("0.00"), d("0.00"), d("0.00"));
        return new DepartmentReport(seed.department(), seed.fiscalYear(), seed.asOf(), b, seed.evaluation(),
                seed.narratives(), seed.tasks(), seed.projects(), seed.generatedAt());
    }

    /** 年初 1,234.50 + 追加 1,234.50 + 追加 … : initial 1,234.50, additions 2,469.00 → 0.12 + 0.25 = 0.37 = 3,703.50 ✓. */
    static ProjectReport projectWithParts(String initial, String additions, String adjusted) {
        ProjectReport seed = SampleData.projectReport();
        Project p = seed.project();
        Project q = new Project(p.code(), p.name(), p.level(), p.fundingSource(), p.description(), p.dataVersion(),
                d(initial), d(additions), d("0.00"), d("0.00"), d(adjusted), d("0.00"), d("0.00"));
        return new ProjectReport(seed.department(), seed.fiscalYear(), seed.asOf(), q, seed.evaluation(),
                seed.narratives(), seed.generatedAt());
    }

    @Test
    void theIssuesExampleDoesNotAddUpAsDisplayed() {
        assertThat(Figures.wan(d(PART))).isEqualTo("0.12");
        assertThat(Figures.wan(d(THREE_PARTS))).isEqualTo("0.37");
        assertThat(WanTotals.differs(d(THREE_PARTS), List.of(d(PART), d(PART), d(PART)))).isTrue();
        assertThat(WanTotals.regionSummary(threeSmallDepartments())).isTrue();
        assertThat(WanTotals.budgetBlock(threeSmallParts().budget())).as("实际支出 0.37 = 0.12 × 3 sources").isTrue();
        assertThat(WanTotals.budgetText(threeSmallParts().budget())).as("基本支出 0.25 = 0.12 + 0.12").isTrue();
        // 年初 0.12 + 追加 0.12 against 调整后 2,469.00 → 0.25
        assertThat(WanTotals.projectFunds(projectWithParts(PART, PART, "2469.00").project())).isTrue();
        // a subtracted part counts negatively: 0.37 − 0.12 = 0.25 (3,703.50 − 1,234.50 = 2,469.00) adds up as displayed
        assertThat(WanTotals.differs(d("2469.00"), List.of(d(THREE_PARTS), d(PART).negate()))).isFalse();
        // the seeds add up: no note
        assertThat(WanTotals.regionSummary(SampleData.regionSummary())).isFalse();
        assertThat(WanTotals.budgetText(SampleData.tianheBudget())).isFalse();
        assertThat(WanTotals.projectFunds(SampleData.projectReport().project())).isFalse();
    }

    @Test
    void xlsxCarriesTheNoteExactlyWhereTheFiguresDoNotAddUp() throws IOException {
        XlsxDocuments xlsx = new XlsxDocuments();
        assertThat(cells(xlsx.regionSummary(threeSmallDepartments()))).contains(WanTotals.NOTE, "0.12", "0.37");
        assertThat(cells(xlsx.departmentForm(threeSmallParts()))).contains(WanTotals.NOTE);
        assertThat(cells(xlsx.projectForm(projectWithParts(PART, PART, "2469.00")))).contains(WanTotals.NOTE);

        assertThat(cells(xlsx.regionSummary(SampleData.regionSummary()))).doesNotContain(WanTotals.NOTE);
        assertThat(cells(xlsx.departmentForm(SampleData.tianheReport()))).doesNotContain(WanTotals.NOTE);
        assertThat(cells(xlsx.projectForm(SampleData.projectReport()))).doesNotContain(WanTotals.NOTE);
    }

    @Test
    void docxCarriesTheNoteUnderTheParagraphAndTheTables() throws IOException {
        DocxDocuments docx = new DocxDocuments();
        String report = text(docx.departmentReport(threeSmallParts()));
        // once under 部门整体收支情况 (基本支出 0.25 against 0.12 + 0.12), once under the form (实际支出 against its sources)
        assertThat(count(report, WanTotals.NOTE)).isEqualTo(2);
        assertThat(text(docx.projectReport(projectWithParts(PART, PART, "2469.00")))).contains(WanTotals.NOTE);

        assertThat(text(docx.departmentReport(SampleData.tianheReport()))).doesNotContain(WanTotals.NOTE);
        assertThat(text(docx.projectReport(SampleData.projectReport()))).doesNotContain(WanTotals.NOTE);
    }

    @Test
    void htmlAndPdfCarryTheNote() throws IOException {
        assertThat(HTML.regionSummary(threeSmallDepartments())).contains(WanTotals.NOTE);
        assertThat(count(HTML.departmentReport(threeSmallParts()), WanTotals.NOTE)).isEqualTo(2);
        assertThat(HTML.departmentForm(threeSmallParts())).contains(WanTotals.NOTE);
        assertThat(HTML.projectForm(projectWithParts(PART, PART, "2469.00"))).contains(WanTotals.NOTE);
        assertThat(HTML.projectReport(projectWithParts(PART, PART, "2469.00"))).contains(WanTotals.NOTE);

        assertThat(HTML.regionSummary(SampleData.regionSummary())).doesNotContain(WanTotals.NOTE);
        assertThat(HTML.departmentReport(SampleData.tianheReport())).doesNotContain(WanTotals.NOTE);
        assertThat(HTML.departmentForm(SampleData.tianheReport())).doesNotContain(WanTotals.NOTE);
        assertThat(HTML.projectForm(SampleData.projectReport())).doesNotContain(WanTotals.NOTE);
        assertThat(HTML.projectReport(SampleData.projectReport())).doesNotContain(WanTotals.NOTE);

        try (PDDocument pdf = Loader.loadPDF(new PdfRenderer().fromHtml(HTML.regionSummary(threeSmallDepartments())))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("因四舍五入，合计数与分项数之和可能存在尾差");
        }
    }

    private static List<String> cells(byte[] bytes) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<String> out = new java.util.ArrayList<>();
            for (Row row : wb.getSheetAt(0)) {
                for (Cell cell : row) {
                    out.add(cell.getCellType() == CellType.NUMERIC
                            ? new BigDecimal(Double.toString(cell.getNumericCellValue())).setScale(2, RoundingMode.HALF_UP)
                                    .toPlainString()
                            : cell.toString());
                }
            }
            return out;
        }
    }

    private static String text(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
