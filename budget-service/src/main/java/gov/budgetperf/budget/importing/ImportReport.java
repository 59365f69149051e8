package gov.budgetperf.budget.importing;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of an accepted import. A rejected file gets a 422 problem listing every rejected row instead. */
@Schema(name = "ImportReport")
public record ImportReport(
        @Schema(examples = "42") long batchId,
        @Schema(description = "IMPORTED, or ALREADY_IMPORTED when the same file (same SHA-256) was imported before: nothing changed", examples = "IMPORTED") String status,
        @Schema(examples = "EXPENDITURES") String kind,
        @Schema(nullable = true, description = "The fileName given with the upload; null when none was", examples = "ledger-2022-q1.csv") String fileName,
        @Schema(description = "SHA-256 of the file") String sha256,
        @Schema(description = "Data rows imported", examples = "1250") long rows,
        @Schema(description = "Department-years whose figures changed (code:year)") List<String> departmentYears,
        OffsetDateTime importedAt) {
}
