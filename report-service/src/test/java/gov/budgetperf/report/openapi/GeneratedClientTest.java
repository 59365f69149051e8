package gov.budgetperf.report.openapi;

import static gov.budgetperf.common.testing.GeneratedClient.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.common.testing.GeneratedClient;
import gov.budgetperf.common.testing.Tokens;
import gov.budgetperf.report.e2e.Fixtures;

/**
 * What a department's developers do: generate a Java client from the OpenAPI document report-service serves, with
 * openapi-generator and no hand edits, compile it, and drive the running service (with the real budget- and
 * evaluation-service behind it) through it: write and read a narrative, ask for a document, list and read it,
 * download its bytes as the typed file the document declares, and get errors as the client's ApiException with the
 * problem details.
 */
@QuarkusTest
class GeneratedClientTest {

    @Test
    void aClientGeneratedFromTheServedDocumentWorks() throws Exception {
        String code = Fixtures.newDepartment("生成客户端区");
        Fixtures.budget(code, "250000.00");
        try (GeneratedClient client = GeneratedClient.generate("report").bearer(Tokens.finance())) {
            // write a narrative section, then read it back and find it in the list
            Object narratives = client.api("NarrativesApi");
            Object section = client.enumValue("SectionKey", "ACHIEVEMENTS");
            Object input = client.model("NarrativeInput");
            call(input, "setContent", "通过生成的客户端写入的成效。");
            Object saved = call(narratives, "saveNarrative", code, 2022, section, input, null, null);
            assertThat(call(saved, "getVersion")).isEqualTo(0L);
            assertThat(call(saved, "getTitle")).isNotNull();

            Object read = call(narratives, "getNarrative", code, 2022, section, null);
            assertThat(call(read, "getContent")).isEqualTo("通过生成的客户端写入的成效。");
            List<?> sections = (List<?>) call(narratives, "listNarratives", code, 2022, null);
            assertThat(sections).extracting(s -> call(s, "getSection")).containsExactly(section);

            // ask for the department's form, then list and read its metadata
            Object reports = client.api("ReportsApi");
            Object request = client.model("ReportRequest");
            call(request, "setType", client.enumValue("DocumentType", "DEPARTMENT_FORM"));
            call(request, "setFormat", client.enumValue("DocumentFormat", "XLSX"));
            call(request, "setDepartmentCode", code);
            call(request, "setFiscalYear", 2022);
            Object created = call(reports, "createReport", request);
            long id = (Long) call(created, "getId");
            assertThat(call(created, "getStale")).isEqualTo(false);
            assertThat(call(created, "getStaleSince")).isNull();

            Object page = call(reports, "listReports", code, 2022, null, null, null, null);
            assertThat((List<?>) call(page, "getItems")).extracting(r -> call(r, "getId")).containsExactly(id);
            Object report = call(reports, "getReport", id);
            assertThat(call(report, "getMediaType"))
                    .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

            // the download is typed as a file: its bytes are the document's (size and SHA-256), an XLSX (a ZIP)
            File file = (File) call(reports, "downloadReport", id);
            byte[] bytes = Files.readAllBytes(file.toPath());
            assertThat((long) bytes.length).isEqualTo(call(report, "getSizeBytes"));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .isEqualTo(call(report, "getSha256"));
            assertThat(new String(bytes, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");

            // errors come back as the client's ApiException carrying the problem details
            Throwable missing = catchThrowable(() -> call(reports, "getReport", Long.MAX_VALUE));
            assertThat(missing.getClass().getSimpleName()).isEqualTo("ApiException");
            assertThat(call(missing, "getCode")).isEqualTo(404);
            assertThat((String) call(missing, "getResponseBody")).contains("\"status\":404");
            assertThat(contentType(missing)).startsWith("application/problem+json");

            Object noDepartment = client.model("ReportRequest");
            call(noDepartment, "setType", client.enumValue("DocumentType", "DEPARTMENT_REPORT"));
            call(noDepartment, "setFormat", client.enumValue("DocumentFormat", "DOCX"));
            call(noDepartment, "setFiscalYear", 2022);
            Throwable invalid = catchThrowable(() -> call(reports, "createReport", noDepartment));
            assertThat(invalid.getClass().getSimpleName()).isEqualTo("ApiException");
            assertThat(call(invalid, "getCode")).isEqualTo(400);
            assertThat((String) call(invalid, "getResponseBody")).contains("\"status\":400", "departmentCode");
        }
    }

    private static String contentType(Throwable apiException) throws Exception {
        return ((java.net.http.HttpHeaders) call(apiException, "getResponseHeaders")).firstValue("Content-Type")
                .orElse("");
    }
}
