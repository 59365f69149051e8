package gov.budgetperf.report.document;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The shapes of open data for the OpenAPI document: the download of an OPEN_DATA report in JSON (what
 * {@link OpenDataWriter#json} writes), and the {@code datapackage.json} descriptor of one in CSV.
 */
public final class OpenDataViews {

    private OpenDataViews() {
    }

    @Schema(name = "OpenData", description = "绩效自评开放数据: a region's published figures, department by department (in the order of their codes) and indicator by indicator (in outline order); amounts in yuan (CNY), rates in percent, scores in points, unrounded. Only departments whose evaluation is PUBLISHED are included.")
    public record Document(@Schema(examples = "天河区") String region, @Schema(examples = "2022") int fiscalYear,
            @Schema(nullable = true, description = "The one department asked for; null for the whole region") String departmentCode,
            OffsetDateTime generatedAt,
            @Schema(description = "Σ adjusted budget of the departments included, yuan (CNY)") BigDecimal totalAdjustedBudget,
            @Schema(description = "Σ actual expenditure of the departments included, yuan (CNY)") BigDecimal totalActualExpenditure,
            @Schema(nullable = true, description = "Percent (93.00 is 93 %); null when the adjusted budget included is 0") BigDecimal executionRate,
            List<Department> departments) {
    }

    @Schema(name = "OpenDataDepartment")
    public record Department(String departmentCode, String departmentName,
            @Schema(nullable = true, description = "Yuan (CNY); null when the department has no budget for the year") BigDecimal adjustedBudget,
            @Schema(nullable = true, description = "Yuan (CNY); null when the department has no budget for the year") BigDecimal actualExpenditure,
            @Schema(nullable = true, description = "Percent (93.00 is 93 %); null without a budget or when the adjusted budget is 0") BigDecimal executionRate,
            @Schema(description = "The published evaluation's id") long evaluationId,
            @Schema(description = "Always PUBLISHED", examples = "PUBLISHED") String evaluationStatus,
            @Schema(nullable = true, description = "Total score in points; null until scored") BigDecimal total,
            @Schema(nullable = true, description = "Grade; null until scored") String grade,
            @Schema(description = "The evaluation's indicators in outline order (一级, then each of its 二级 followed by its 三级)") List<Indicator> indicators) {
    }

    @Schema(name = "OpenDataIndicator")
    public record Indicator(String code,
            @Schema(nullable = true, description = "Null for a top-level indicator") String parentCode,
            int level, String name, @Schema(nullable = true, description = "Points") BigDecimal weight,
            @Schema(description = "Target as displayed, with its unit ('' when none)") String target,
            @Schema(description = "Actual as displayed, with its unit ('' when none)") String actual,
            @Schema(nullable = true, description = "Points; null until scored") BigDecimal score,
            boolean notApplicable) {
    }

    @Schema(name = "OpenDataPackage", description = "datapackage.json: a Frictionless Data package descriptor (profile fiscal-data-package) for open data in CSV: the CSV's columns with type and unit, amounts as measures in CNY")
    public record DataPackage(@Schema(examples = "fiscal-data-package") String profile,
            @Schema(examples = "report-42", description = "Lower-case name of the package") String name,
            @Schema(examples = "2022年度增城区绩效自评开放数据") String title,
            @Schema(format = "date-time") String created, @Schema(examples = "CN") String countryCode,
            FiscalPeriod fiscalPeriod, List<Resource> resources, Model model) {
    }

    @Schema(name = "OpenDataFiscalPeriod", description = "The period the figures cover (start to the cut-off date)")
    public record FiscalPeriod(@Schema(format = "date") String start, @Schema(format = "date") String end) {
    }

    @Schema(name = "OpenDataResource", description = "A tabular data resource: the CSV, at the relative path content (the document's download beside this descriptor)")
    public record Resource(String name, @Schema(examples = "content") String path,
            @Schema(examples = "tabular-data-resource") String profile, String title,
            @Schema(examples = "csv") String format, @Schema(examples = "text/csv") String mediatype,
            @Schema(examples = "utf-8") String encoding, @Schema(description = "Size in bytes") long bytes,
            @Schema(description = "sha256: and the SHA-256 of the bytes, hex") String hash, Dialect dialect,
            TableSchema schema) {
    }

    @Schema(name = "OpenDataDialect", description = "CSV dialect")
    public record Dialect(String delimiter, String lineTerminator, String quoteChar, boolean doubleQuote,
            boolean header) {
    }

    @Schema(name = "OpenDataTableSchema", description = "Table Schema: the CSV's columns in order")
    public record TableSchema(List<Field> fields,
            @Schema(description = "Cell values that stand for no value") List<String> missingValues) {
    }

    @Schema(name = "OpenDataField", description = "A column: Table Schema type, and the unit of a quantity (CNY for amounts in yuan, percent for rates, point for scores and weights)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(@Schema(examples = "adjustedBudget") String name, @Schema(examples = "调整后预算") String title,
            @Schema(enumeration = {
                    "string", "number", "integer", "boolean", "year"}) String type,
            String description,
            @Schema(enumeration = {"CNY", "percent",
                    "point"}, description = "Absent for a column that is not a quantity") String unit,
            @Schema(enumeration = "CNY", description = "ISO 4217 currency of an amount; absent otherwise") String currency){
    }

    @Schema(name = "OpenDataModel", description = "Fiscal Data Package model: the measures (amounts) and dimensions")
    public record Model(Map<String, Measure> measures, Map<String, Dimension> dimensions) {
    }

    @Schema(name = "OpenDataMeasure")
    public record Measure(@Schema(description = "The column") String source, @Schema(examples = "CNY") String currency,
            @Schema(description = "The amounts are multiplied by this to give yuan") int factor) {
    }

    @Schema(name = "OpenDataDimension")
    public record Dimension(@Schema(examples = "administrative-classification") String dimensionType,
            List<String> primaryKey, Map<String, Attribute> attributes) {
    }

    @Schema(name = "OpenDataAttribute")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attribute(@Schema(description = "The column") String source,
            @Schema(description = "The attribute this one is the label of; absent otherwise") String labelfor) {
    }
}
