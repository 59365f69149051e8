package gov.budgetperf.report.peers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Tolerant readers of the peers' responses: only the fields the documents need, unknown fields ignored, no classes
 * shared with the peers (their OpenAPI documents are the contract).
 */
public final class PeerModels {

    private PeerModels() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Department(String code, String name, String region, int unitCount, String functions,
            String internalBodies, long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rate(BigDecimal ratio, BigDecimal percent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ThreePublic(BigDecimal budget, BigDecimal actual) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DepartmentMetrics(String departmentCode, int fiscalYear, LocalDate asOf, long dataVersion,
            BigDecimal initialBudget, BigDecimal adjustmentTotal, BigDecimal adjustedBudget,
            BigDecimal actualExpenditure, BigDecimal basicExpenditure, BigDecimal personnelExpenditure,
            BigDecimal publicFundsExpenditure, BigDecimal projectExpenditure,
            Map<String, BigDecimal> actualByFundingSource, Rate executionRate, Rate adjustmentRate,
            BigDecimal carryOver, ThreePublic threePublic) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Project(String departmentCode, int fiscalYear, String code, String name, int level,
            String parentCode, String fundingSource, BigDecimal initialBudget, String description, long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProjectMetrics(String projectCode, long dataVersion, BigDecimal initialBudget, BigDecimal additions,
            BigDecimal reductions, BigDecimal transfersOut, BigDecimal adjustedBudget, BigDecimal executed,
            Rate executionRate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evaluation(long id, String subjectType, String departmentCode, int fiscalYear, String projectCode,
            String kind, String ruleSet, String status, BigDecimal total, String grade, boolean rescaled,
            long version, List<Indicator> indicators) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String code, String parentCode, int level, String name, BigDecimal weight, String unit,
            String direction, BigDecimal target, String targetText, BigDecimal actual, String actualText,
            String band, Boolean yes, BigDecimal score, String reason, String measure, boolean notApplicable) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MonitoringLine(String departmentCode, String projectCode, String region, int fiscalYear,
            BigDecimal executionPercent, BigDecimal timeProgressRatio, String light, long budgetDataVersion) {
    }
}
