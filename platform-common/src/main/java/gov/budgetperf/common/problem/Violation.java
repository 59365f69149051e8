package gov.budgetperf.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field-level reason why a request was refused. */
@Schema(name = "Violation", description = "A field-level validation error")
public record Violation(
        @Schema(description = "The field (JSON path, CSV/XLSX column, or query parameter)", examples = "amount") String field,
        @Schema(description = "What is wrong with it", examples = "must be greater than 0") String message,
        @Schema(description = "Row number in an imported file as a spreadsheet shows it (the header is row 1), when the error comes from an import", nullable = true) Long row,
        @Schema(description = "RFC 6901 JSON pointer to the offending value of a JSON body, when the error is in one", nullable = true, examples = "/indicators/0/actual") String pointer) {

    public Violation(String field, String message) {
        this(field, message, null, null);
    }

    public Violation(String field, String message, Long row) {
        this(field, message, row, null);
    }
}
