package gov.budgetperf.report.render;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.Variant;

/**
 * The ids of the document templates (under {@code src/main/resources/templates/documents/}) and a standalone Qute
 * engine that loads them from the classpath the way Quarkus does: HTML-escaped output, standalone lines removed,
 * strict rendering (an unknown property fails instead of printing "NOT_FOUND"), record components and no-argument
 * methods read by reflection (Quarkus registers the same reflection fallback in JVM mode).
 */
final class HtmlTemplates {

    static final String DEPARTMENT_FORM = "documents/department-form";
    static final String DEPARTMENT_REPORT = "documents/department-report";
    static final String PROJECT_FORM = "documents/project-form";
    static final String PROJECT_REPORT = "documents/project-report";
    static final String REGION_SUMMARY = "documents/region-summary";

    private static final String ROOT = "templates/";
    private static final Variant HTML = new Variant(Locale.ROOT, StandardCharsets.UTF_8, Variant.TEXT_HTML);

    private HtmlTemplates() {
    }

    /** An engine for use outside Quarkus (unit tests, the sample renderer). */
    static Engine standaloneEngine() {
        return Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .addLocator(HtmlTemplates::locate)
                .removeStandaloneLines(true)
                .strictRendering(true)
                .build();
    }

    private static Optional<TemplateLocation> locate(String id) {
        String path = ROOT + (id.endsWith(".html") ? id : id + ".html");
        URL url = Thread.currentThread().getContextClassLoader() == null
                ? null
                : Thread.currentThread().getContextClassLoader().getResource(path);
        if (url == null) {
            url = HtmlTemplates.class.getClassLoader().getResource(path);
        }
        if (url == null) {
            return Optional.empty();
        }
        URL found = url;
        return Optional.of(new TemplateLocation() {

            @Override
            public Reader read() {
                try {
                    return new InputStreamReader(found.openStream(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read template " + path, e);
                }
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(HTML);
            }
        });
    }
}
