package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department-year budget as stored (the figures derived from it are under /metrics). */
@Schema(name = "Budget")
public record BudgetView(
        @Schema(examples = "GZ-TH-GSL") String departmentCode,
        @Schema(examples = "2022") int fiscalYear,
        List<Allocation> allocations,
        List<ThreePublicBudget> threePublic,
        BigDecimal carryOver,
        @Schema(nullable = true, description = "编制数; null when not given") Integer staffQuota,
        @Schema(nullable = true, description = "实有人数; null when not given") Integer actualStaff,
        @Schema(description = "Sum of the allocations (年初预算)") BigDecimal initialBudget,
        @Schema(description = "Version of the budget's own fields (ETag)") long version,
        @Schema(description = "Version of all the figures of the department-year (events carry it)") long dataVersion) {

    public static BudgetView of(DepartmentBudget b) {
        BigDecimal total = b.allocations.stream().map(a -> a.amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new BudgetView(b.department.code, b.fiscalYear, List.copyOf(b.allocations), List.copyOf(b.threePublic),
                b.carryOver, b.staffQuota, b.actualStaff, total, b.version, b.dataVersion);
    }
}
