package gov.budgetperf.budget.ledger;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReversalInput", description = "Reverses a ledger entry with a negative entry of the same amount")
public record ReversalInput(
        @NotNull @Schema(examples = "2022-04-01") LocalDate date,
        @NotBlank @Size(max = 2000) @Schema(examples = "重复录入") String reason) {
}
