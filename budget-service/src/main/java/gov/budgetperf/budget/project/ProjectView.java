package gov.budgetperf.budget.project;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.budgetperf.budget.budget.FundingSource;

@Schema(name = "Project")
public record ProjectView(String departmentCode, int fiscalYear, String code, String name, int level,
        @Schema(nullable = true, description = "The first-level project of a second-level one; null for a first-level one") String parentCode,
        FundingSource fundingSource, BigDecimal initialBudget,
        @Schema(nullable = true) String description,
        @Schema(description = "Version (ETag)") long version) {

    public static ProjectView of(Project p) {
        return new ProjectView(p.budget.department.code, p.budget.fiscalYear, p.code, p.name, p.level,
                p.parent == null ? null : p.parent.code, p.fundingSource, p.initialBudget, p.description, p.version);
    }
}
