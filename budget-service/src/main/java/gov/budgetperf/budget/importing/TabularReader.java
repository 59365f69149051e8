package gov.budgetperf.budget.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of a CSV (commons-csv) or XLSX (POI's SAX event API, constant memory) file as strings. Row
 * numbers are those a person sees: the header is row 1.
 */
public final class TabularReader {

    public enum Format {
        CSV, XLSX
    }

    /** Receives each row: its number in the file and its cells (missing trailing cells are empty strings). */
    public interface RowHandler {
        void row(long number, List<String> cells);
    }

    private TabularReader() {
    }

    public static void read(Path file, Format format, RowHandler handler) throws IOException {
        if (format == Format.CSV) {
            readCsv(file, handler);
        } else {
            readXlsx(file, handler);
        }
    }

    private static void readCsv(Path file, RowHandler handler) throws IOException {
        try (InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
                Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get()
                        .parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            long last = 1;
            while (true) {
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    r = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // an unterminated quote, an invalid character after a closing quote …: the file is not CSV
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    throw new IOException("Not a readable CSV file after row " + last + ": " + cause.getMessage(), e);
                }
                List<String> cells = new ArrayList<>(r.size());
                for (String v : r) {
                    cells.add(v);
                }
                last = r.getRecordNumber();
                handler.row(r.getRecordNumber(), cells);
            }
        }
    }

    private static void readXlsx(Path file, RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler),
                        new PlainFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException("Not a readable XLSX file: " + e.getMessage(), e);
        } catch (HandlerFailure e) {
            // the caller's own answer about a row (e.g. a 400 naming it): not a fault of the file
            throw e.failure;
        } catch (RuntimeException e) {
            // POI reports a file that is not OOXML, a broken zip or a malformed part with runtime exceptions
            // (NotOfficeXmlFileException, POIXMLException, RecordFormatException …)
            throw new IOException("Not a readable XLSX file: " + e.getMessage(), e);
        }
    }

    /** Carries what the row handler threw through POI's parser, so it is not taken for a broken file. */
    private static final class HandlerFailure extends RuntimeException {
        private final RuntimeException failure;

        HandlerFailure(RuntimeException failure) {
            super(null, failure, false, false);
            this.failure = failure;
        }
    }

    /** Gathers the cells of each row, filling gaps left by empty cells. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private List<String> cells;
        private int rowNum;

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            this.rowNum = rowNum;
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            boolean empty = cells.stream().allMatch(String::isBlank);
            if (!empty) {
                try {
                    handler.row(rowNum + 1L, cells);
                } catch (RuntimeException e) {
                    throw new HandlerFailure(e);
                }
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = columnOf(ref == null ? "" : ref);
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.trim());
        }

        private int columnOf(String ref) {
            if (ref.isEmpty()) {
                return cells.size();
            }
            int col = 0;
            for (char c : ref.toCharArray()) {
                if (Character.isLetter(c)) {
                    col = col * 26 + (Character.toUpperCase(c) - 'A' + 1);
                } else {
                    break;
                }
            }
            return col - 1;
        }
    }

    /** Dates as ISO yyyy-MM-dd, numbers in plain notation, whatever the cell's display format. */
    private static final class PlainFormatter extends DataFormatter {
        PlainFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate d = DateUtil.getLocalDateTime(value).toLocalDate();
                return d.toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
