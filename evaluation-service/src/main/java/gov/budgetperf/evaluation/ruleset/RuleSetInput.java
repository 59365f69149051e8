package gov.budgetperf.evaluation.ruleset;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new rule set, or a new version of one (same code). It is stored as a DRAFT until published. */
@Schema(name = "RuleSetInput")
public record RuleSetInput(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9_-]+") @Schema(examples = "GZ-DEPT-COMMON") String code,
        @NotBlank @Size(max = 300) @Schema(examples = "部门整体支出绩效自评共性指标体系") String name,
        @NotNull @Schema(examples = "DEPARTMENT") RuleSet.SubjectType subjectType,
        @NotNull @Schema(examples = "2023-01-01") LocalDate effectiveFrom,
        @Schema(description = "Code of the grade band set; DEFAULT when omitted", examples = "DEFAULT") String gradeBandSet,
        @Valid @Schema(description = "Target-set-too-low policy; bound 1.5 without deduction when omitted") Overachievement overachievement,
        @NotNull @Valid RuleTree tree,
        @Size(max = 4000) String description) {
}
