package gov.budgetperf.budget.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.budgetperf.budget.budget.ExpenditureType;
import gov.budgetperf.budget.budget.FundingSource;
import gov.budgetperf.budget.budget.ThreePublicCategory;

/** A new ledger entry: a payment. Corrections are made with a reversal, never by editing. */
@Schema(name = "ExpenditureInput")
public record ExpenditureInput(
        @NotNull @Schema(examples = "2022-03-15") LocalDate date,
        @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 16, fraction = 2) @Schema(examples = "12800.00", description = "Positive yuan") BigDecimal amount,
        @Schema(examples = "PUBLIC_FUNDS", description = "Defaults to PROJECT when a project is named") ExpenditureType expenditureType,
        @Schema(examples = "GENERAL_PUBLIC", description = "Defaults to the project's source, else GENERAL_PUBLIC") FundingSource fundingSource,
        @Size(max = 60) @Schema(nullable = true, examples = "HD-2022-KP") String projectCode,
        @Size(max = 20) @Schema(nullable = true, examples = "30201", description = "政府经济分类科目") String economicClass,
        @Schema(nullable = true, description = "三公经费 category, if the payment is one") ThreePublicCategory threePublic,
        @Size(max = 2000) @Schema(nullable = true, examples = "办公用品") String description) {
}
