package gov.budgetperf.report.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Opens generated files with real readers: POI for XLSX/DOCX, PDFBox for PDF, an XML parser for the XHTML. */
public final class Readers {

    private Readers() {
    }

    /** Every non-empty cell of every sheet, as Excel would display it. */
    public static List<String> xlsxCells(byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String s = f.formatCellValue(cell).trim();
                        if (!s.isEmpty()) {
                            out.add(s);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Every row of every sheet with a non-empty cell, its displayed cells joined by tabs. */
    public static List<String> xlsxRows(byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        cells.add(f.formatCellValue(cell).trim());
                    }
                    if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                        out.add(String.join("\t", cells));
                    }
                }
            }
        }
        return out;
    }

    public static String docxText(byte[] bytes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
                XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            return x.getText();
        }
    }

    public record Pdf(String text, List<String> fonts, boolean allEmbedded) {
    }

    public static Pdf pdf(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            List<String> fonts = new ArrayList<>();
            boolean embedded = true;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                    embedded &= font.isEmbedded();
                }
            }
            return new Pdf(new PDFTextStripper().getText(doc), fonts, embedded);
        }
    }

    /** Parses the HTML as XML (the documents are XHTML); throws when it is not well-formed. */
    public static org.w3c.dom.Document xhtml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
