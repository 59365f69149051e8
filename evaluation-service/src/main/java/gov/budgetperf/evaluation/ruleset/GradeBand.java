package gov.budgetperf.evaluation.ruleset;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A grade (评价等级) and the lowest total (inclusive) that earns it. */
@Schema(name = "GradeBand")
public record GradeBand(@NotBlank @Schema(examples = "优") String grade,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(examples = "90") BigDecimal min) {
}
