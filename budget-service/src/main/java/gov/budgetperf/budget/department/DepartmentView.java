package gov.budgetperf.budget.department;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department as the API returns it. */
@Schema(name = "Department")
public record DepartmentView(
        @Schema(examples = "GZ-TH-GSL") String code,
        @Schema(examples = "广州市天河区工商业联合会") String name,
        @Schema(examples = "天河区") String region,
        @Schema(nullable = true, description = "The parent department; null for a top-level one") String parentCode,
        @Schema(examples = "1") int unitCount,
        @Schema(nullable = true, description = "主要职能; null when not given") String functions,
        @Schema(nullable = true, description = "内设机构; null when not given") String internalBodies,
        @Schema(description = "Version for optimistic locking (also the ETag)", examples = "0") long version) {

    static DepartmentView of(Department d) {
        return new DepartmentView(d.code, d.name, d.region, d.parentCode, d.unitCount, d.functions, d.internalBodies,
                d.version);
    }
}
