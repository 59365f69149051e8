package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rate: the ratio to 12 decimals for computation, and the percentage rounded half-up to 2 decimals for display.
 * The percentage is rounded from the exact quotient, not from the rounded ratio.
 */
@Schema(name = "Rate", description = "A rate; null when its denominator is zero")
public record Rate(
        @Schema(description = "numerator ÷ denominator, 12 decimals", examples = "0.960266009617") BigDecimal ratio,
        @Schema(description = "Percentage, half-up to 2 decimals", examples = "96.03") BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** numerator ÷ denominator, or null when the denominator is zero or missing. */
    public static Rate of(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return new Rate(numerator.divide(denominator, 12, RoundingMode.HALF_UP),
                numerator.multiply(HUNDRED).divide(denominator, 2, RoundingMode.HALF_UP));
    }
}
