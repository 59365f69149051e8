package gov.budgetperf.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A Word document in the style of the seeds: A4, 宋体 小四 body with a two-character first-line indent, headings
 * 一、(黑体, outline level 1), （一）(楷体, level 2) and 1.(宋体 bold, level 3) as real heading styles (so Word's
 * navigation pane and table of contents see them), every run carrying its East-Asian font.
 */
final class DocxWriter implements AutoCloseable {

    static final String SONG = "宋体";
    static final String HEI = "黑体";
    static final String KAI = "楷体";
    static final String LATIN = "Times New Roman";
    static final String TITLE_STYLE = "Title";
    static final String NOT_WRITTEN = "（未填写）";

    /** A4 in twips, with 2.54 cm top/bottom and 2 cm left/right margins. */
    private static final int PAGE_W = 11906;
    private static final int PAGE_H = 16838;
    private static final int MARGIN_TB = 1440;
    private static final int MARGIN_LR = 1134;
    /** The width tables may use. */
    static final int TEXT_WIDTH = PAGE_W - 2 * MARGIN_LR;

    /** Body size 小四 (12 pt); tables 五号 (10.5 pt) or 小五 (9 pt). */
    static final double BODY_PT = 12;
    static final double TABLE_PT = 10.5;
    static final double SMALL_PT = 9;

    private final XWPFDocument doc = new XWPFDocument();

    DocxWriter() {
        styles();
        page();
    }

    XWPFDocument document() {
        return doc;
    }

    /** The document title: 小二 (18 pt) bold, centred. */
    void title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(TITLE_STYLE);
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(240);
        run(p, text, HEI, 18, true);
    }

    /** A centred line under the title (department, date). */
    void subtitle(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(240);
        run(p, text, KAI, 14, false);
    }

    /** A heading of outline level 1 (一、), 2 (（一）) or 3 (1.). */
    void heading(int level, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        if (!ppr.isSetOutlineLvl()) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1L));
        }
        p.setIndentationFirstLine(level == 1 ? 0 : 480);
        p.setSpacingBetween(1.5, LineSpacingRule.AUTO);
        String font = level == 1 ? HEI : level == 2 ? KAI : SONG;
        run(p, text, font, level == 1 ? 16 : BODY_PT + (level == 2 ? 2 : 0), level != 2);
    }

    /** A body paragraph (first line indented two characters). */
    XWPFParagraph paragraph(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(480);
        p.setSpacingBetween(1.5, LineSpacingRule.AUTO);
        run(p, text, SONG, BODY_PT, false);
        return p;
    }

    /** A centred bold line (a table's caption). */
    void caption(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(120);
        p.setSpacingAfter(120);
        p.setKeepNext(true);
        run(p, text, HEI, 14, true);
    }

    /** A right-aligned small note above a table (单位：万元). */
    void unitNote(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.RIGHT);
        p.setKeepNext(true);
        run(p, text, SONG, TABLE_PT, false);
    }

    /** A small note under a table (注：因四舍五入……). */
    void note(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.LEFT);
        run(p, text, SONG, TABLE_PT, false);
    }

    /** A narrative section: a paragraph per line; "（未填写）" when nothing was written. */
    void narrative(String text) {
        boolean any = false;
        if (text != null) {
            for (String line : text.split("\\r?\\n")) {
                if (!line.isBlank()) {
                    paragraph(line.strip());
                    any = true;
                }
            }
        }
        if (!any) {
            paragraph(NOT_WRITTEN);
        }
    }

    /** Narrative text when there is some; nothing otherwise. Returns whether it wrote anything. */
    boolean narrativeIfAny(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        narrative(text);
        return true;
    }

    /** A table over the text width, with the given column widths (twips). */
    DocxTable table(int... widths) {
        return new DocxTable(doc, widths);
    }

    /** An empty paragraph (so consecutive tables do not fuse into one). */
    void gap() {
        XWPFParagraph p = doc.createParagraph();
        run(p, "", SONG, SMALL_PT, false);
    }

    byte[] bytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        doc.write(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }

    /** A run with its Latin and East-Asian fonts, size and weight. */
    static XWPFRun run(XWPFParagraph p, String text, String eastAsia, double points, boolean bold) {
        XWPFRun run = p.createRun();
        run.setFontFamily(LATIN, FontCharRange.ascii);
        run.setFontFamily(LATIN, FontCharRange.hAnsi);
        run.setFontFamily(eastAsia, FontCharRange.eastAsia);
        // rFonts, b, sz: the order the schema lists them in.
        if (bold) {
            run.setBold(true);
        }
        run.setFontSize(points);
        run.setText(text == null ? "" : text);
        return run;
    }

    private void page() {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_W));
        size.setH(BigInteger.valueOf(PAGE_H));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TB));
        margins.setBottom(BigInteger.valueOf(MARGIN_TB));
        margins.setLeft(BigInteger.valueOf(MARGIN_LR));
        margins.setRight(BigInteger.valueOf(MARGIN_LR));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(992));
        margins.setGutter(BigInteger.ZERO);
    }

    private void styles() {
        XWPFStyles styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(LATIN);
        fonts.setHAnsi(LATIN);
        fonts.setCs(LATIN);
        fonts.setEastAsia(SONG);
        styles.setDefaultFonts(fonts);
        styles.setSpellingLanguage("en-US");
        styles.setEastAsia("zh-CN");

        CTStyle normal = style("Normal", "Normal", null, SONG, BODY_PT, false);
        normal.setDefault(true);
        styles.addStyle(new XWPFStyle(normal, styles));
        styles.addStyle(new XWPFStyle(style(TITLE_STYLE, "Title", null, HEI, 18, true), styles));
        styles.addStyle(new XWPFStyle(style("Heading1", "heading 1", 0, HEI, 16, true), styles));
        styles.addStyle(new XWPFStyle(style("Heading2", "heading 2", 1, KAI, 14, false), styles));
        styles.addStyle(new XWPFStyle(style("Heading3", "heading 3", 2, SONG, BODY_PT, true), styles));
    }

    private static CTStyle style(String id, String name, Integer outline, String eastAsia, double points,
            boolean bold) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        if (!"Normal".equals(id)) {
            style.addNewBasedOn().setVal("Normal");
            style.addNewNext().setVal("Normal");
        }
        style.addNewQFormat();
        CTPPrGeneral ppr = style.addNewPPr();
        if (outline != null) {
            ppr.addNewKeepNext();
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
            CTSpacing spacing = ppr.addNewSpacing();
            spacing.setBefore(BigInteger.valueOf(120));
            spacing.setAfter(BigInteger.valueOf(60));
        }
        CTRPr rpr = style.addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(LATIN);
        fonts.setHAnsi(LATIN);
        fonts.setEastAsia(eastAsia);
        if (bold) {
            rpr.addNewB();
        }
        rpr.addNewSz().setVal(BigInteger.valueOf(Math.round(points * 2)));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(Math.round(points * 2)));
        return style;
    }
}
