package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Adjustment")
public record AdjustmentView(long id, LocalDate date, AdjustmentKind kind, BigDecimal amount,
        @Schema(description = "Signed amount: negative for reductions and transfers out") BigDecimal signedAmount,
        ExpenditureType expenditureType, FundingSource fundingSource,
        @Schema(nullable = true) String projectCode, String reason, OffsetDateTime createdAt, String createdBy) {

    public static AdjustmentView of(BudgetAdjustment a) {
        return new AdjustmentView(a.id, a.date, a.kind, a.amount, a.signedAmount(), a.expenditureType, a.fundingSource,
                a.project == null ? null : a.project.code, a.reason, a.createdAt, a.createdBy);
    }
}
