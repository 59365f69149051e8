package gov.budgetperf.evaluation.ruleset;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GradeBandSetInput")
public record GradeBandSetInput(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9_-]+") @Schema(examples = "EXCELLENT_FROM_85") String code,
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Valid List<GradeBand> bands) {
}
