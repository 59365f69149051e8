package gov.budgetperf.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import gov.budgetperf.report.content.ReportData.DepartmentReport;
import gov.budgetperf.report.content.SampleData;

/**
 * The budget-linked 部门预算资金支出率 at 93 % prints "93.00%" in the department form of every format (HTML, PDF,
 * DOCX's annexed form, XLSX), read back with real readers, whether evaluation-service sent its text or only its
 * number — never "0.93%" nor a bare "93%".
 */
class BudgetLinkedActualInEveryFormatTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "93.00%")
    void theActualIsItsPercentWithTwoDecimals(String actualText) throws Exception {
        DepartmentReport r = SampleData.budgetLinkedReport(actualText);
        String html = new HtmlDocuments(HtmlTemplates.standaloneEngine()).departmentForm(r);
        String htmlRow = html.substring(html.indexOf("部门预算资金支出率"));
        htmlRow = htmlRow.substring(0, htmlRow.indexOf("</tr>"));
        assertThat(htmlRow).contains("93.00%", "≥100.00%");

        String pdf = pdfText(new PdfRenderer().fromHtml(html));
        assertThat(line(pdf, "部门预算资金支出率")).contains("93.00%");

        String docx = docxText(new DocxDocuments().departmentReport(r));
        assertThat(line(docx, "部门预算资金支出率")).contains("93.00%");

        List<String> row = xlsxRow(new XlsxDocuments().departmentForm(r), "部门预算资金支出率");
        assertThat(row).contains("93.00%", "≥100.00%");

        for (String text : List.of(html, pdf, docx, String.join("\n", row))) {
            assertThat(text).doesNotContain("0.93%").doesNotContainPattern("(?<![\\d.])93%");
        }
    }

    /** The line of the text that names the indicator (PDF and DOCX text put a table row on one line). */
    private static String line(String text, String name) {
        return text.lines().filter(l -> l.contains(name)).findFirst().orElseThrow(() -> new AssertionError(
                name + " not in " + text));
    }

    private static String pdfText(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String docxText(byte[] bytes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
                XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            return x.getText();
        }
    }

    /** The displayed cells of the row that names the indicator. */
    private static List<String> xlsxRow(byte[] bytes, String name) throws IOException {
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Row row : wb.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    cells.add(f.formatCellValue(cell).trim());
                }
                if (cells.contains(name)) {
                    return cells;
                }
            }
        }
        throw new AssertionError(name + " not in the workbook");
    }
}
