package gov.budgetperf.budget.project;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.budgetperf.budget.budget.FundingSource;

@Schema(name = "ProjectInput", description = "A project (项目) of a department-year")
public record ProjectInput(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "letters, digits, '.', - and _ only") @Schema(examples = "HD-2022-KP") String code,
        @NotBlank @Size(max = 300) @Schema(examples = "“鲲鹏计划”——花都区培育扶持高新企业创新工作") String name,
        @NotNull @Min(1) @Max(2) @Schema(examples = "1", description = "1 = 一级项目, 2 = 二级项目") Integer level,
        @Size(max = 60) @Schema(nullable = true, description = "Code of the first-level project a second-level one belongs to") String parentCode,
        @Schema(examples = "GENERAL_PUBLIC", description = "Defaults to GENERAL_PUBLIC") FundingSource fundingSource,
        @NotNull @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) @Schema(examples = "798800.00", description = "年初预算 (yuan)") BigDecimal initialBudget,
        @Size(max = 20000) @Schema(nullable = true) String description) {
}
