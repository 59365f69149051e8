package gov.budgetperf.budget.department;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or replace a department. */
@Schema(name = "DepartmentInput", description = "A department (部门/单位)")
public record DepartmentInput(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, - and _ only") @Schema(examples = "GZ-TH-GSL", description = "Unique code") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "广州市天河区工商业联合会") String name,
        @NotBlank @Size(max = 100) @Schema(examples = "天河区", description = "Region (区)") String region,
        @Size(max = 40) @Schema(description = "Code of the summary (汇总) department this one belongs to", nullable = true) String parentCode,
        @Min(0) @Schema(examples = "1", description = "Number of units (单位数)") Integer unitCount,
        @Size(max = 20000) @Schema(description = "Main functions (主要职责)", nullable = true) String functions,
        @Size(max = 20000) @Schema(description = "Internal bodies (内设机构)", nullable = true) String internalBodies) {
}
