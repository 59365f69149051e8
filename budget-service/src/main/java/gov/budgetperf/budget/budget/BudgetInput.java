package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The budget of a department-year as entered: initial amounts, three-public budgets, carry-over, staff. */
@Schema(name = "BudgetInput")
public record BudgetInput(
        @NotNull @Valid @Schema(description = "Initial budget (年初预算) by expenditure type and funding source; each pair at most once") List<Allocation> allocations,
        @Valid @Schema(description = "三公经费 budget per category") List<ThreePublicBudget> threePublic,
        @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) @Schema(description = "结转结余 (yuan)", examples = "0.00") BigDecimal carryOver,
        @Min(0) @Schema(description = "编制数", examples = "12") Integer staffQuota,
        @Min(0) @Schema(description = "实有人数", examples = "11") Integer actualStaff) {
}
