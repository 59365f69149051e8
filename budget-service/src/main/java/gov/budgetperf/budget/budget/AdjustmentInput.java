package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A budget adjustment (预算调整) of a department-year. For a project, use the project's /changes. */
@Schema(name = "AdjustmentInput")
public record AdjustmentInput(
        @NotNull @Schema(examples = "2022-06-30") LocalDate date,
        @NotNull @Schema(examples = "ADDITION", description = "追加 ADDITION, 调减 REDUCTION, 划出 TRANSFER_OUT") AdjustmentKind kind,
        @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 16, fraction = 2) @Schema(examples = "2100.00", description = "Positive yuan; the kind gives the sign") BigDecimal amount,
        @Schema(examples = "PUBLIC_FUNDS", description = "Defaults to PROJECT for a project change") ExpenditureType expenditureType,
        @Schema(examples = "GENERAL_PUBLIC", description = "Defaults to GENERAL_PUBLIC (a project's change: the project's source)") FundingSource fundingSource,
        @NotBlank @Size(max = 2000) @Schema(examples = "年中追加公用经费") String reason) {
}
