package gov.budgetperf.budget.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.budgetperf.budget.budget.ExpenditureType;
import gov.budgetperf.budget.budget.FundingSource;
import gov.budgetperf.budget.budget.ThreePublicCategory;

@Schema(name = "Expenditure")
public record ExpenditureView(long id, LocalDate date,
        @Schema(description = "Signed yuan: a reversal is negative") BigDecimal amount,
        ExpenditureType expenditureType, FundingSource fundingSource, String projectCode, String economicClass,
        ThreePublicCategory threePublic, String description,
        @Schema(nullable = true, description = "The entry this one reverses") Long reversesId,
        @Schema(nullable = true) Long importBatchId, OffsetDateTime createdAt, String createdBy) {

    public static ExpenditureView of(Expenditure e) {
        return new ExpenditureView(e.id, e.date, e.amount, e.expenditureType, e.fundingSource,
                e.project == null ? null : e.project.code, e.economicClass, e.threePublic, e.description, e.reversesId,
                e.importBatchId, e.createdAt, e.createdBy);
    }
}
