package gov.budgetperf.report.render;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.budgetperf.report.content.SampleData;

/**
 * Not a test (the name keeps it out of the default run): writes the HTML and the PDF of each document type from
 * {@link SampleData} into {@code -Drender.samples.dir}, for a person to look at. Run by
 * {@code report-service/scripts/render-samples.sh}; skipped without the property.
 */
class RenderSamples {

    @Test
    void render() throws IOException {
        String dir = System.getProperty("render.samples.dir", "");
        assumeTrue(!dir.isBlank(), "set -Drender.samples.dir to render the samples");
        Path out = Files.createDirectories(Path.of(dir));
        HtmlDocuments html = new HtmlDocuments(HtmlTemplates.standaloneEngine());
        PdfRenderer pdf = new PdfRenderer();
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("department-form", html.departmentForm(SampleData.tianheReport()));
        documents.put("department-report", html.departmentReport(SampleData.tianheReport()));
        documents.put("project-form", html.projectForm(SampleData.projectReport()));
        documents.put("project-report", html.projectReport(SampleData.projectReport()));
        documents.put("region-summary", html.regionSummary(SampleData.regionSummary()));
        for (Map.Entry<String, String> d : documents.entrySet()) {
            Files.writeString(out.resolve(d.getKey() + ".html"), d.getValue(), StandardCharsets.UTF_8);
            Files.write(out.resolve(d.getKey() + ".pdf"), pdf.fromHtml(d.getValue()));
        }
    }
}
