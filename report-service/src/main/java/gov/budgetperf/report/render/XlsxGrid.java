package gov.budgetperf.report.render;

import java.math.BigDecimal;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes a form onto a sheet cell block by cell block: a block spanning several cells is merged and every cell in it
 * gets the style, so its borders show. Tracks how many wrapped lines each row needs, since spreadsheet applications do
 * not size rows with merged wrapped cells themselves.
 */
final class XlsxGrid {

    /** Line height of the 10-point body font, in points. */
    private static final float LINE_POINTS = 13.5f;
    private static final float MIN_ROW_POINTS = 18f;

    private final Sheet sheet;
    private final int[] widths;
    private final TreeMap<Integer, Integer> lines;
    /** Logical column → its first and last sheet column (identity on a plain grid). */
    private final int[] first;
    private final int[] last;

    /** {@code widths}: column widths in characters. */
    XlsxGrid(Sheet sheet, int... widths) {
        this.sheet = sheet;
        this.widths = widths.clone();
        this.lines = new TreeMap<>();
        this.first = null;
        this.last = null;
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    private XlsxGrid(XlsxGrid grid, int[] first, int[] last) {
        this.sheet = grid.sheet;
        this.widths = grid.widths;
        this.lines = grid.lines;
        this.first = first;
        this.last = last;
    }

    /**
     * A view of this grid whose logical column {@code i} covers the sheet columns {@code groups[i][0]..groups[i][1]}
     * (a block from logical c1 to c2 covers the sheet columns from c1's first to c2's last). Rows and row heights are
     * shared with this grid.
     */
    XlsxGrid grouped(int[]... groups) {
        int[] f = new int[groups.length];
        int[] l = new int[groups.length];
        for (int i = 0; i < groups.length; i++) {
            f[i] = groups[i][0];
            l[i] = groups[i][groups[i].length - 1];
        }
        return new XlsxGrid(this, f, l);
    }

    /** The sheet column where logical column {@code c} starts. */
    private int from(int c) {
        return first == null ? c : first[c];
    }

    /** The sheet column where logical column {@code c} ends. */
    private int to(int c) {
        return last == null ? c : last[c];
    }

    Sheet sheet() {
        return sheet;
    }

    Row row(int r) {
        Row row = sheet.getRow(r);
        return row != null ? row : sheet.createRow(r);
    }

    private Cell cell(int r, int c) {
        Row row = row(r);
        Cell cell = row.getCell(c);
        return cell != null ? cell : row.createCell(c);
    }

    /** Styles every cell of the block and merges it when it spans more than one cell; returns the top-left cell. */
    private Cell block(int r1, int r2, int c1, int c2, CellStyle style) {
        for (int r = r1; r <= r2; r++) {
            for (int c = c1; c <= c2; c++) {
                cell(r, c).setCellStyle(style);
            }
        }
        if (r2 > r1 || c2 > c1) {
            sheet.addMergedRegion(new CellRangeAddress(r1, r2, c1, c2));
        }
        return cell(r1, c1);
    }

    /** Text in rows r1..r2, columns c1..c2 (a single row when r1 == r2); null prints as an empty cell. */
    Cell text(int r1, int r2, int logical1, int logical2, String text, CellStyle style) {
        int c1 = from(logical1);
        int c2 = to(logical2);
        Cell cell = block(r1, r2, c1, c2, style);
        if (text != null && !text.isEmpty()) {
            cell.setCellValue(text);
            if (r1 == r2) {
                need(r1, lines(text, width(c1, c2)));
            }
        }
        return cell;
    }

    /** Text in one row. */
    Cell text(int r, int c1, int c2, String text, CellStyle style) {
        return text(r, r, c1, c2, text, style);
    }

    /** A number (already in the unit the cell shows); null leaves the cell empty. */
    Cell number(int r, int c1, int c2, BigDecimal value, CellStyle style) {
        Cell cell = block(r, r, from(c1), to(c2), style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        return cell;
    }

    /** A rate given in percent (96.03), stored as its fraction (0.9603) for a "0.00%" format. */
    Cell rate(int r, int c1, int c2, BigDecimal percent, CellStyle style) {
        return number(r, c1, c2, percent == null ? null : percent.movePointLeft(2), style);
    }

    /** Sets every row that holds wrapped text to the height its text needs. Call once the form is written. */
    void fitHeights() {
        lines.forEach((r, n) -> {
            Row row = sheet.getRow(r);
            float needed = Math.max(MIN_ROW_POINTS, n * LINE_POINTS + 4);
            if (row != null && row.getHeightInPoints() < needed) {
                row.setHeightInPoints(needed);
            }
        });
    }

    void height(int r, float points) {
        row(r).setHeightInPoints(points);
    }

    private void need(int r, int n) {
        lines.merge(r, n, Math::max);
    }

    private int width(int c1, int c2) {
        int w = 0;
        for (int c = c1; c <= c2 && c < widths.length; c++) {
            w += widths[c];
        }
        return Math.max(1, w);
    }

    /**
     * Wrapped lines a text needs in a cell {@code widthChars} wide: a CJK character takes two width units, a Latin
     * one; one unit is kept for the cell padding.
     */
    static int lines(String text, int widthChars) {
        int capacity = Math.max(2, widthChars - 1);
        int total = 0;
        for (String line : text.split("\n", -1)) {
            int units = 0;
            for (int i = 0; i < line.length(); i++) {
                units += line.charAt(i) >= 0x2E80 ? 2 : 1;
            }
            total += Math.max(1, (units + capacity - 1) / capacity);
        }
        return total;
    }

    /** Total width of the sheet columns, in characters. */
    int totalWidth() {
        return width(0, widths.length - 1);
    }

    /** A4, fit to one page wide (as many pages tall as needed), centred, with the given orientation. */
    static void printSetup(Sheet sheet, boolean landscape) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(PageMargin.LEFT, 0.5);
        sheet.setMargin(PageMargin.RIGHT, 0.5);
        sheet.setMargin(PageMargin.TOP, 0.6);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
    }
}
