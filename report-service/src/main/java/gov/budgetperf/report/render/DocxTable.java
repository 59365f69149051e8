package gov.budgetperf.report.render;

import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * A bordered Word table on a fixed grid of columns. Rows are added cell by cell; a cell may span grid columns
 * (gridSpan) or start / continue a vertical merge (vMerge), which is how the indicator table merges its level-1 and
 * level-2 cells over their leaves.
 */
final class DocxTable {

    enum Merge {
        NONE, RESTART, CONTINUE
    }

    /** A cell to write: text (lines split on \n), grid columns spanned, bold, centred, shaded, vertical merge. */
    record Cell(String text, int span, boolean bold, boolean center, boolean shaded, Merge merge) {

        static Cell of(String text) {
            return new Cell(text, 1, false, false, false, Merge.NONE);
        }

        static Cell center(String text) {
            return new Cell(text, 1, false, true, false, Merge.NONE);
        }

        static Cell head(String text) {
            return new Cell(text, 1, true, true, true, Merge.NONE);
        }

        static Cell label(String text) {
            return new Cell(text, 1, true, true, false, Merge.NONE);
        }

        Cell span(int columns) {
            return new Cell(text, columns, bold, center, shaded, merge);
        }

        Cell merge(Merge how) {
            return new Cell(text, span, bold, center, shaded, how);
        }
    }

    private static final String BORDER_COLOR = "000000";
    private static final String SHADE = "D9D9D9";

    private final XWPFTable table;
    private final int[] widths;
    private double points = DocxWriter.TABLE_PT;
    private boolean firstRowUsed;

    DocxTable(XWPFDocument doc, int... widths) {
        this.widths = widths.clone();
        this.table = doc.createTable();
        table.setTableAlignment(TableRowAlign.CENTER);
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(String.valueOf(total));
        CTTblPr tblPr = table.getCTTbl().getTblPr() != null
                ? table.getCTTbl().getTblPr()
                : table.getCTTbl().addNewTblPr();
        CTTblLayoutType layout = tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        CTTblGrid grid = CTTblGrid.Factory.newInstance();
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        table.getCTTbl().setTblGrid(grid);
        table.setTopBorder(XWPFBorderType.SINGLE, 4, 0, BORDER_COLOR);
        table.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, BORDER_COLOR);
        table.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, BORDER_COLOR);
        table.setRightBorder(XWPFBorderType.SINGLE, 4, 0, BORDER_COLOR);
        table.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, BORDER_COLOR);
        table.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, BORDER_COLOR);
        table.setCellMargins(30, 60, 30, 60);
    }

    XWPFTable table() {
        return table;
    }

    /** The font size of the cells written from now on. */
    DocxTable fontSize(double pt) {
        this.points = pt;
        return this;
    }

    /** A header row: shaded bold cells, repeated on each page. */
    DocxTable header(String... texts) {
        Cell[] cells = new Cell[texts.length];
        for (int i = 0; i < texts.length; i++) {
            cells[i] = Cell.head(texts[i]);
        }
        XWPFTableRow row = row(cells);
        row.setRepeatHeader(true);
        return this;
    }

    /** A row of cells whose spans add up to the grid's columns. */
    XWPFTableRow row(Cell... cells) {
        XWPFTableRow row;
        if (!firstRowUsed) {
            row = table.getRow(0);
            firstRowUsed = true;
        } else {
            row = table.createRow();
        }
        while (row.getTableCells().size() > cells.length) {
            row.removeCell(row.getTableCells().size() - 1);
        }
        while (row.getTableCells().size() < cells.length) {
            row.addNewTableCell();
        }
        row.setCantSplitRow(true);
        int column = 0;
        for (int i = 0; i < cells.length; i++) {
            Cell spec = cells[i];
            XWPFTableCell cell = row.getCell(i);
            int width = 0;
            for (int c = column; c < column + spec.span() && c < widths.length; c++) {
                width += widths[c];
            }
            column += spec.span();
            write(cell, spec, width);
        }
        return row;
    }

    private void write(XWPFTableCell cell, Cell spec, int width) {
        CTTcPr tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        cell.setWidthType(TableWidthType.DXA);
        cell.setWidth(String.valueOf(width));
        if (spec.span() > 1) {
            tcPr.addNewGridSpan().setVal(BigInteger.valueOf(spec.span()));
        }
        if (spec.merge() != Merge.NONE) {
            tcPr.addNewVMerge().setVal(spec.merge() == Merge.RESTART ? STMerge.RESTART : STMerge.CONTINUE);
        }
        cell.setVerticalAlignment(XWPFVertAlign.CENTER);
        if (spec.shaded()) {
            cell.setColor(SHADE);
        }
        // A continued merge cell shows nothing, but still needs its (empty) paragraph.
        String text = spec.merge() == Merge.CONTINUE || spec.text() == null ? "" : spec.text();
        String[] lines = text.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFParagraph p = i == 0 && !cell.getParagraphs().isEmpty()
                    ? cell.getParagraphs().get(0)
                    : cell.addParagraph();
            p.setAlignment(spec.center() ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
            p.setSpacingAfter(0);
            p.setSpacingBefore(0);
            DocxWriter.run(p, lines[i], DocxWriter.SONG, points, spec.bold());
        }
    }
}
