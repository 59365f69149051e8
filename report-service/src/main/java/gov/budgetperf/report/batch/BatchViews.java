package gov.budgetperf.report.batch;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.budgetperf.report.document.DocumentFormat;
import gov.budgetperf.report.document.DocumentType;

public final class BatchViews {

    private BatchViews() {
    }

    @Schema(name = "ReportBatchRequest", description = "Generate a department document for every department of a region")
    public record Create(@NotBlank @Size(max = 100) @Schema(examples = "广州市") String region,
            @NotNull @Min(2000) @Max(2100) @Schema(examples = "2022") Integer fiscalYear,
            @NotNull @Schema(examples = "DEPARTMENT_FORM") DocumentType type,
            @NotNull @Schema(examples = "XLSX") DocumentFormat format) {
    }

    @Schema(name = "ReportBatchItem")
    public record Item(String departmentCode, String status,
            @Schema(nullable = true, description = "The document, when one was made") Long reportId,
            @Schema(nullable = true, description = "Why the document could not be made") String error) {
    }

    @Schema(name = "ReportBatch", description = "A batch job and its progress (done/total); failed documents with their errors")
    public record View(long id, String region, int fiscalYear, DocumentType type, DocumentFormat format,
            BatchJob.Status status, int total, int done, int failed, String createdBy, OffsetDateTime createdAt,
            @Schema(nullable = true, description = "Null while queued") OffsetDateTime startedAt,
            @Schema(nullable = true, description = "Null until the job ends") OffsetDateTime finishedAt,
            @Schema(nullable = true, description = "What went wrong, when something did") String message,
            @Schema(description = "The items that failed, with the reason") List<Item> errors) {
    }
}
