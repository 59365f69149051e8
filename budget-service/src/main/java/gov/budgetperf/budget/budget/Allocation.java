package gov.budgetperf.budget.budget;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One cell of the initial budget (年初预算): an amount for an expenditure type and a funding source. */
@Embeddable
@Schema(name = "Allocation", description = "Initial budget amount (yuan) for one expenditure type and funding source")
public class Allocation {

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "expenditure_type")
    @Schema(examples = "PUBLIC_FUNDS")
    public ExpenditureType expenditureType;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "funding_source")
    @Schema(examples = "GENERAL_PUBLIC")
    public FundingSource fundingSource;

    @NotNull
    @DecimalMin("0.00")
    @Digits(integer = 16, fraction = 2)
    @Schema(examples = "4178200.00", description = "Yuan, two decimals")
    public BigDecimal amount;

    public Allocation() {
    }

    public Allocation(ExpenditureType type, FundingSource source, BigDecimal amount) {
        this.expenditureType = type;
        this.fundingSource = source;
        this.amount = amount;
    }
}
