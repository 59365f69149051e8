package gov.budgetperf.report.render;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The cell styles of one workbook: a CJK font (宋体), thin borders, wrapped text, number formats. */
final class XlsxStyles {

    /** The font the cells name; Excel and WPS map it to SimSun, LibreOffice to a CJK substitute. */
    static final String FONT = "宋体";
    /** GB2312, so applications pick a Chinese face when 宋体 is missing. */
    static final int CHARSET_GB2312 = 134;
    /** 万元 and scores: two decimals. */
    static final String AMOUNT_FORMAT = "0.00";
    /** Rates: the cell holds percent/100, shown with two decimals and %. */
    static final String RATE_FORMAT = "0.00%";

    final CellStyle title;
    final CellStyle unit;
    final CellStyle header;
    final CellStyle label;
    final CellStyle text;
    final CellStyle center;
    final CellStyle bold;
    final CellStyle amount;
    final CellStyle amountBold;
    final CellStyle rate;
    final CellStyle rateBold;
    final CellStyle score;
    final CellStyle scoreBold;
    final CellStyle weight;
    final CellStyle note;
    final CellStyle green;
    final CellStyle yellow;
    final CellStyle red;

    XlsxStyles(Workbook wb) {
        DataFormat formats = wb.createDataFormat();
        Font plain = font(wb, 10, false);
        Font strong = font(wb, 10, true);

        title = wb.createCellStyle();
        title.setFont(font(wb, 16, true));
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        title.setWrapText(true);

        unit = wb.createCellStyle();
        unit.setFont(plain);
        unit.setAlignment(HorizontalAlignment.RIGHT);
        unit.setVerticalAlignment(VerticalAlignment.CENTER);

        note = wb.createCellStyle();
        note.setFont(plain);
        note.setAlignment(HorizontalAlignment.LEFT);
        note.setVerticalAlignment(VerticalAlignment.CENTER);
        note.setWrapText(true);

        header = boxed(wb, strong, HorizontalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        label = boxed(wb, strong, HorizontalAlignment.CENTER);
        bold = boxed(wb, strong, HorizontalAlignment.CENTER);
        text = boxed(wb, plain, HorizontalAlignment.LEFT);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        center = boxed(wb, plain, HorizontalAlignment.CENTER);

        amount = numeric(wb, plain, formats.getFormat(AMOUNT_FORMAT));
        amountBold = numeric(wb, strong, formats.getFormat(AMOUNT_FORMAT));
        rate = numeric(wb, plain, formats.getFormat(RATE_FORMAT));
        rateBold = numeric(wb, strong, formats.getFormat(RATE_FORMAT));
        score = numeric(wb, plain, formats.getFormat(AMOUNT_FORMAT));
        scoreBold = numeric(wb, strong, formats.getFormat(AMOUNT_FORMAT));
        weight = numeric(wb, plain, formats.getFormat("General"));
        weight.setAlignment(HorizontalAlignment.CENTER);

        green = filled(wb, plain, IndexedColors.LIGHT_GREEN);
        yellow = filled(wb, plain, IndexedColors.LIGHT_YELLOW);
        red = filled(wb, plain, IndexedColors.ROSE);
    }

    private static Font font(Workbook wb, int points, boolean bold) {
        Font font = wb.createFont();
        font.setFontName(FONT);
        font.setCharSet(CHARSET_GB2312);
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        return font;
    }

    private static CellStyle boxed(Workbook wb, Font font, HorizontalAlignment alignment) {
        CellStyle style = wb.createCellStyle();
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(true);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private static CellStyle numeric(Workbook wb, Font font, short format) {
        CellStyle style = boxed(wb, font, HorizontalAlignment.RIGHT);
        style.setDataFormat(format);
        return style;
    }

    private static CellStyle filled(Workbook wb, Font font, IndexedColors color) {
        CellStyle style = boxed(wb, font, HorizontalAlignment.CENTER);
        style.setFillForegroundColor(color.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }
}
