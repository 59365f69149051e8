package gov.budgetperf.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;

/**
 * Turns the XHTML of {@link HtmlDocuments} into PDF with openhtmltopdf (PDFBox 3): A4 pages (landscape for the forms,
 * whose templates say so in an {@code @page} rule), page numbers in the footer, table headers repeated across pages,
 * the fonts of {@link PdfFonts} embedded as subsets.
 * <p>
 * The PDF is tagged (PDF/UA mode): screen readers and text extraction follow the document's structure, and the title,
 * subject and language come from the HTML head. That mode also keeps openhtmltopdf from setting up the unembedded
 * standard-14 fonts it otherwise prepares for every document, and makes it embolden the regular faces for bold text.
 * <p>
 * A renderer is built per call, so calls may run concurrently; only the font bytes are shared. Nothing outside the
 * document is fetched: no images, style sheets or fonts by URL. A warm department report takes about 50–90 ms of CPU.
 */
@ApplicationScoped
public class PdfRenderer {

    private static final Logger LOG = Logger.getLogger(PdfRenderer.class);

    /** The PDF of an XHTML document (well-formed XML: openhtmltopdf parses it as such). */
    public byte[] fromHtml(String html) {
        return fromHtml(html, null);
    }

    /**
     * As {@link #fromHtml(String)}, handing what openhtmltopdf reports (also logged under {@code com.openhtmltopdf})
     * to {@code diagnostics} as well (every level, down to FINEST: costly, for tests), e.g. to fail on an ignored CSS
     * declaration. Null for none.
     */
    byte[] fromHtml(String html, Consumer<Diagnostic> diagnostics) {
        long start = System.nanoTime();
        String missing = PdfFonts.missing(html);
        if (!missing.isEmpty()) {
            LOG.warnf("No embedded font has these characters, the PDF prints them as '#': %s", missing);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        PdfFonts.register(builder);
        // The documents are self-contained: refuse every external resource, whatever URL a text might smuggle in.
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        if (diagnostics != null) {
            builder.withDiagnosticConsumer(diagnostics);
        }
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
        byte[] pdf = out.toByteArray();
        LOG.debugf("PDF of %d chars of HTML: %d bytes in %d ms", html.length(), pdf.length,
                (System.nanoTime() - start) / 1_000_000);
        return pdf;
    }
}
