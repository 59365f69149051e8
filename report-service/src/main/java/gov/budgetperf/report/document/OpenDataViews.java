package gov.budgetperf.report.document;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of an open data document in JSON (what {@link OpenDataWriter#json} writes), for the OpenAPI document: the
 * download of an OPEN_DATA report in JSON is this object.
 */
public final class OpenDataViews {

    private OpenDataViews() {
    }

    @Schema(name = "OpenData", description = "绩效自评开放数据: a region's figures, department by department and indicator by indicator (amounts in yuan, rates in percent, unrounded)")
    public record Document(@Schema(examples = "天河区") String region, @Schema(examples = "2022") int fiscalYear,
            OffsetDateTime generatedAt, BigDecimal totalAdjustedBudget, BigDecimal totalActualExpenditure,
            @Schema(nullable = true, description = "Percent; null when the region's adjusted budget is 0") BigDecimal executionRate,
            List<Department> departments) {
    }

    @Schema(name = "OpenDataDepartment")
    public record Department(String departmentCode, String departmentName,
            @Schema(nullable = true, description = "Null when the department has no budget for the year") BigDecimal adjustedBudget,
            @Schema(nullable = true, description = "Null when the department has no budget for the year") BigDecimal actualExpenditure,
            @Schema(nullable = true, description = "Percent; null without a budget or when the adjusted budget is 0") BigDecimal executionRate,
            @Schema(nullable = true, description = "Null when the department has no evaluation for the year") Long evaluationId,
            @Schema(nullable = true, description = "Null when the department has no evaluation for the year") String evaluationStatus,
            @Schema(nullable = true, description = "Total score; null until scored") BigDecimal total,
            @Schema(nullable = true, description = "Grade; null until scored") String grade,
            @Schema(description = "The evaluation's indicators in tree order (empty without an evaluation)") List<Indicator> indicators) {
    }

    @Schema(name = "OpenDataIndicator")
    public record Indicator(String code,
            @Schema(nullable = true, description = "Null for a top-level indicator") String parentCode,
            int level, String name, @Schema(nullable = true) BigDecimal weight,
            @Schema(description = "Target as displayed ('' when none)") String target,
            @Schema(description = "Actual as displayed ('' when none)") String actual,
            @Schema(nullable = true, description = "Null until scored") BigDecimal score, boolean notApplicable) {
    }
}
