package gov.budgetperf.evaluation.ruleset;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When an actual far beyond its target flags "target set too low", and whether the score is reduced (按偏离度调减). */
@Schema(name = "OverachievementPolicy")
public record Overachievement(
        @Schema(description = "actual ÷ target above which the target is deemed too low; null = never", examples = "1.5", nullable = true) BigDecimal bound,
        @Schema(description = "Reduce the score by the deviation beyond the bound") boolean deductByDeviation,
        @Schema(description = "Largest share of the weight such a reduction may take (1 when null)", examples = "0.5", nullable = true) BigDecimal maxDeductionFraction) {
}
