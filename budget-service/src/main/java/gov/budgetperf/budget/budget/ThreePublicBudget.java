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

/** The budget of one "three public" category (三公经费) and last year's actual, for the change rate. */
@Embeddable
@Schema(name = "ThreePublicBudget")
public class ThreePublicBudget {

    @NotNull
    @Enumerated(EnumType.STRING)
    @Schema(examples = "RECEPTION")
    public ThreePublicCategory category;

    @NotNull
    @DecimalMin("0.00")
    @Digits(integer = 16, fraction = 2)
    @Column(name = "budget_amount")
    @Schema(examples = "20000.00")
    public BigDecimal budget;

    @DecimalMin("0.00")
    @Digits(integer = 16, fraction = 2)
    @Column(name = "prior_year_actual")
    @Schema(examples = "18000.00", nullable = true, description = "Last year's actual, for the change rate (变动率)")
    public BigDecimal priorYearActual;
}
