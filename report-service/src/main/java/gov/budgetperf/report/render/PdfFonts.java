package gov.budgetperf.report.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

import org.apache.fontbox.ttf.CmapSubtable;
import org.apache.fontbox.ttf.CmapTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The fonts embedded in every PDF, read from the classpath once and kept as bytes (each render parses them again, so
 * renders share nothing mutable). Both are embedded as subsets.
 * <ul>
 * <li>{@code "CJK"}: Droid Sans Fallback (Apache-2.0, {@code fonts/DroidSansFallbackFull.ttf}), the Chinese glyphs. It
 * has no Latin glyphs at all: not a digit, not "%".</li>
 * <li>{@code "Latin"}: Liberation Sans (SIL OFL 1.1), digits, Latin letters and the punctuation Droid Sans Fallback
 * lacks (“ ” — … ≥ ≤). Taken from {@code fonts/LiberationSans-Regular.ttf} when the module ships one, else from the
 * copy inside PDFBox (the font PDFBox itself falls back to).</li>
 * </ul>
 * The templates say {@code font-family: "CJK", "Latin"}: openhtmltopdf takes each glyph from the first font that has
 * it, and a font that lacks a glyph costs an exception with a stack trace. Most characters of these documents are
 * Chinese, so the CJK font comes first (bench/REPORT.md: the other order threw ~15,000 exceptions per report PDF). There are no bold faces: bold text takes the regular face, which openhtmltopdf emboldens (in the PDF/UA mode
 * {@link PdfRenderer} uses). Registering the same file again at weight 700 would pass it for a real bold face (no
 * emboldening) and parse the 4 MB CJK font twice per document (about 90 instead of 50 ms of CPU for a report).
 * <p>
 * A character neither font has prints as "#". {@link #missing(CharSequence)} names such characters, so the renderer
 * can say so in the log.
 */
final class PdfFonts {

    static final String CJK = "CJK";
    static final String LATIN = "Latin";

    private static final String CJK_RESOURCE = "fonts/DroidSansFallbackFull.ttf";
    private static final String[] LATIN_RESOURCES = {"fonts/LiberationSans-Regular.ttf",
            "org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf"};

    private static final byte[] CJK_BYTES = read(CJK_RESOURCE);
    private static final byte[] LATIN_BYTES = read(LATIN_RESOURCES);

    private PdfFonts() {
    }

    /** Registers both fonts on a builder, to be embedded as subsets. */
    static void register(PdfRendererBuilder builder) {
        builder.useFont(() -> new ByteArrayInputStream(LATIN_BYTES), LATIN, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(CJK_BYTES), CJK, 400, FontStyle.NORMAL, true);
    }

    /**
     * The characters of {@code text} that no embedded font has a glyph for (control characters and whitespace
     * aside), in code point order; "" when every character prints.
     */
    static String missing(CharSequence text) {
        BitSet covered = Coverage.CODE_POINTS;
        TreeSet<Integer> missing = new TreeSet<>();
        text.codePoints().forEach(cp -> {
            if (!covered.get(cp) && !Character.isWhitespace(cp) && !Character.isISOControl(cp)
                    && Character.getType(cp) != Character.FORMAT) {
                missing.add(cp);
            }
        });
        StringBuilder names = new StringBuilder();
        missing.forEach(cp -> names.append(names.isEmpty() ? "" : " ").appendCodePoint(cp)
                .append(String.format("(U+%04X)", cp)));
        return names.toString();
    }

    /** The code points the two fonts map to a glyph, read from their Unicode cmaps on first use. */
    private static final class Coverage {

        static final BitSet CODE_POINTS = codePoints();

        private static BitSet codePoints() {
            BitSet covered = new BitSet();
            for (byte[] font : new byte[][]{LATIN_BYTES, CJK_BYTES}) {
                // "Embedded" parsing reads only the tables needed here: ~30 ms warm for the 4 MB CJK font.
                try (TrueTypeFont ttf = new TTFParser(true).parse(new RandomAccessReadBuffer(font))) {
                    int glyphs = ttf.getNumberOfGlyphs();
                    for (CmapSubtable cmap : ttf.getCmap().getCmaps()) {
                        if (!unicode(cmap)) {
                            continue;
                        }
                        for (int gid = 1; gid < glyphs; gid++) {
                            List<Integer> codes = cmap.getCharCodes(gid);
                            if (codes != null) {
                                codes.forEach(covered::set);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the cmap of an embedded font", e);
                }
            }
            return covered;
        }

        private static boolean unicode(CmapSubtable cmap) {
            return cmap.getPlatformId() == CmapTable.PLATFORM_UNICODE
                    || cmap.getPlatformId() == CmapTable.PLATFORM_WINDOWS
                            && (cmap.getPlatformEncodingId() == CmapTable.ENCODING_WIN_UNICODE_BMP
                                    || cmap.getPlatformEncodingId() == CmapTable.ENCODING_WIN_UNICODE_FULL);
        }
    }

    private static byte[] read(String... resources) {
        ClassLoader loader = PdfFonts.class.getClassLoader();
        for (String resource : resources) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    return in.readAllBytes();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + resource, e);
            }
        }
        throw new IllegalStateException("font not on the classpath: " + String.join(" or ", resources));
    }
}
