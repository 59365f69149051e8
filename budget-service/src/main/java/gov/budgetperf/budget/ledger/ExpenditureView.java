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
        ExpenditureType expenditureType, FundingSource fundingSource,
        @Schema(nullable = true, description = "Null for a basic expenditure (not a project's)") String projectCode,
        @Schema(nullable = true, description = "经济分类; null when not given") String economicClass,
        @Schema(nullable = true, description = "三公经费 category; null when the entry is none") ThreePublicCategory threePublic,
        @Schema(nullable = true) String description,
        @Schema(nullable = true, description = "The entry this one reverses") Long reversesId,
        @Schema(nullable = true) Long importBatchId, OffsetDateTime createdAt, String createdBy) {

    public static ExpenditureView of(Expenditure e) {
        return new ExpenditureView(e.id, e.date, e.amount, e.expenditureType, e.fundingSource,
                e.project == null ? null : e.project.code, e.economicClass, e.threePublic, e.description, e.reversesId,
                e.importBatchId, e.createdAt, e.createdBy);
    }
}
