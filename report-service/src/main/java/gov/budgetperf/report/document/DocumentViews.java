package gov.budgetperf.report.document;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the report API. */
public final class DocumentViews {

    private DocumentViews() {
    }

    @Schema(name = "ReportRequest", description = "A document to generate. departmentCode for department documents, also projectCode for project ones, region for region ones; OPEN_DATA takes region and, optionally, departmentCode to publish that one department's open data.")
    public record Create(@NotNull @Schema(examples = "DEPARTMENT_FORM") DocumentType type,
            @NotNull @Schema(examples = "PDF") DocumentFormat format,
            @Size(max = 40) @Schema(examples = "GZ-TH-GSL") String departmentCode,
            @NotNull @Min(2000) @Max(2100) @Schema(examples = "2022") Integer fiscalYear,
            @Size(max = 60) String projectCode, @Size(max = 100) @Schema(examples = "天河区") String region,
            @Schema(description = "Regenerate automatically whenever an input changes") boolean keepCurrent,
            @Schema(description = "Region documents only: the date the figures and the monitoring lights are cut at (budget changes and ledger entries dated after it do not count), within the fiscal year; default 31 December", examples = "2022-06-30", nullable = true) java.time.LocalDate asOf) {
    }

    @Schema(name = "ReportInput", description = "An input the document was built from, and its version")
    public record InputView(@Schema(examples = "BUDGET") String kind, @Schema(examples = "GZ-TH-GSL:2022") String key,
            long version, String ref) {
    }

    @Schema(name = "Report", description = "A generated document (its bytes are at /content)")
    public record View(long id, DocumentType type, DocumentFormat format, String departmentCode, int fiscalYear,
            String projectCode, String region,
            @Schema(description = "Region documents: the date the figures are cut at (null: 31 December)", nullable = true) java.time.LocalDate asOf,
            String fileName, String mediaType, long sizeBytes,
            @Schema(description = "SHA-256 of the content, hex") String sha256, boolean keepCurrent,
            @Schema(description = "An input changed after the document was generated") boolean stale,
            @Schema(nullable = true, description = "Why it is stale; null when it is not") String staleReason,
            @Schema(nullable = true, description = "When it became stale; null when it is not") OffsetDateTime staleSince,
            int generation, OffsetDateTime generatedAt,
            String generatedBy, long generationMillis, List<InputView> inputs,
            @Schema(description = "Version (ETag)") long version) {
    }
}
