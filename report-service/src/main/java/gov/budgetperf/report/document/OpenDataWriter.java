package gov.budgetperf.report.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.report.content.IndicatorOutline;
import gov.budgetperf.report.content.ReportAssembler.RegionData;
import gov.budgetperf.report.content.ReportData;

/**
 * Open data: the region's figures indicator by indicator, as JSON and as CSV (UTF-8 with a byte-order mark, so that
 * spreadsheet programs read the Chinese), and the CSV's {@code datapackage.json} descriptor (Frictionless Data /
 * Fiscal Data Package: every column with its type and unit). Amounts in yuan (CNY) and rates in percent, exactly as
 * the services computed them (no rounding: open data is for machines).
 * <p>
 * Only published results are open data (DESIGN §5): a department whose evaluation of the year is not PUBLISHED is left
 * out, and the region's totals are those of the departments published. Departments come in the order of their codes,
 * each one's indicators in outline order (a 一级指标, then its 二级指标 each followed by its 三级指标, as the form
 * prints them).
 */
@ApplicationScoped
public class OpenDataWriter {

    /** The status of an evaluation whose results may be published. */
    static final String PUBLISHED = "PUBLISHED";

    /** Every CSV column, in order, with what the descriptor says of it. */
    static final List<OpenDataViews.Field> FIELDS = List.of(
            field("region", "地区", "string", null, "The region the open data covers"),
            field("fiscalYear", "年度", "year", null, "Fiscal year"),
            field("departmentCode", "部门编码", "string", null, "Department code"),
            field("departmentName", "部门名称", "string", null, "Department name"),
            amount("adjustedBudget", "调整后预算", "Adjusted budget of the department, in yuan (empty without a budget)"),
            amount("actualExpenditure", "实际支出", "Actual expenditure of the department, in yuan (empty without a budget)"),
            field("executionRate", "预算执行率", "number", "percent",
                    "Budget execution rate in percent (93.00 is 93 %), unrounded; empty without a budget"),
            field("evaluationId", "评价编号", "integer", null, "The published evaluation's id in evaluation-service"),
            field("evaluationStatus", "评价状态", "string", null, "Always PUBLISHED: only published evaluations are open data"),
            field("total", "总得分", "number", "point", "Total score in points (分, of 100); empty until scored"),
            field("grade", "评价等级", "string", null, "Grade (优, 良, 中, 差); empty until scored"),
            field("indicatorCode", "指标编码", "string", null, "Indicator code"),
            field("parentCode", "上级指标编码", "string", null, "The parent indicator's code; empty for a 一级指标"),
            field("level", "指标级次", "integer", null, "1 一级指标, 2 二级指标, 3 三级指标"),
            field("indicatorName", "指标名称", "string", null, "Indicator name"),
            field("weight", "分值", "number", "point", "The indicator's weight in points (分)"),
            field("target", "年度指标值", "string", null, "Target as the form prints it, with its own unit (e.g. ≥95%)"),
            field("actual", "实际完成值", "string", null, "Actual as the form prints it, with its own unit"),
            field("score", "得分", "number", "point", "Score in points (分); empty until scored"),
            field("notApplicable", "不适用", "boolean", null, "true when the indicator does not apply"));

    static final List<String> COLUMNS = FIELDS.stream().map(OpenDataViews.Field::name).toList();

    @Inject
    ObjectMapper mapper;

    /** What is published: the departments (code order) whose evaluation is PUBLISHED, and their totals. */
    record Published(List<ReportData.DepartmentReport> departments, BigDecimal adjusted, BigDecimal actual,
            BigDecimal rate) {
    }

    /**
     * The departments of the region that are open data, optionally the one department asked for: that department must
     * be in the region (404) and its evaluation published (409), so that a request about one department never answers
     * with an empty document.
     */
    static Published published(RegionData data, String departmentCode) {
        List<ReportData.DepartmentReport> all = data.departments();
        if (departmentCode != null) {
            all = all.stream().filter(r -> r.department().code().equals(departmentCode)).toList();
            if (all.isEmpty()) {
                throw ProblemException.notFound("Department " + departmentCode + " not found in region "
                        + data.summary().region());
            }
            ReportData.Evaluation e = all.get(0).evaluation();
            if (e == null || !PUBLISHED.equals(e.status())) {
                throw ProblemException.conflict("departmentCode", "the " + data.summary().fiscalYear()
                        + " evaluation of " + departmentCode + (e == null ? " does not exist" : " is " + e.status())
                        + "; open data is published only from PUBLISHED evaluations");
            }
        }
        List<ReportData.DepartmentReport> out = all.stream()
                .filter(r -> r.evaluation() != null && PUBLISHED.equals(r.evaluation().status()))
                .sorted(Comparator.comparing(r -> r.department().code())).toList();
        BigDecimal adjusted = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        for (ReportData.DepartmentReport r : out) {
            if (r.budget() != null) {
                adjusted = adjusted.add(r.budget().adjustedBudget());
                actual = actual.add(r.budget().actualExpenditure());
            }
        }
        // 执行率 of what is published: Σ actual ÷ Σ adjusted, percent to 2 decimals, from the exact sums
        BigDecimal rate = adjusted.signum() == 0
                ? null
                : actual.multiply(BigDecimal.valueOf(100)).divide(adjusted, 2, RoundingMode.HALF_UP);
        return new Published(out, adjusted, actual, rate);
    }

    public byte[] json(RegionData data, String departmentCode) {
        Published p = published(data, departmentCode);
        Map<String, Object> root = new LinkedHashMap<>();
        ReportData.RegionSummary s = data.summary();
        root.put("region", s.region());
        root.put("fiscalYear", s.fiscalYear());
        root.put("departmentCode", departmentCode);
        root.put("generatedAt", s.generatedAt().toString());
        root.put("totalAdjustedBudget", p.adjusted());
        root.put("totalActualExpenditure", p.actual());
        root.put("executionRate", p.rate());
        List<Map<String, Object>> departments = new ArrayList<>();
        for (ReportData.DepartmentReport r : p.departments()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("departmentCode", r.department().code());
            d.put("departmentName", r.department().name());
            d.put("adjustedBudget", r.budget() == null ? null : r.budget().adjustedBudget());
            d.put("actualExpenditure", r.budget() == null ? null : r.budget().actualExpenditure());
            d.put("executionRate", r.budget() == null ? null : r.budget().executionRate());
            ReportData.Evaluation e = r.evaluation();
            d.put("evaluationId", e.id());
            d.put("evaluationStatus", e.status());
            d.put("total", e.total());
            d.put("grade", e.grade());
            List<Map<String, Object>> indicators = new ArrayList<>();
            for (ReportData.Indicator i : IndicatorOutline.nodes(e.indicators())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", i.code());
                m.put("parentCode", i.parentCode());
                m.put("level", i.level());
                m.put("name", i.name());
                m.put("weight", i.weight());
                m.put("target", i.target());
                m.put("actual", i.actual());
                m.put("score", i.score());
                m.put("notApplicable", i.notApplicable());
                indicators.add(m);
            }
            d.put("indicators", indicators);
            departments.add(d);
        }
        root.put("departments", departments);
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] csv(RegionData data, String departmentCode) {
        Published p = published(data, departmentCode);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        ReportData.RegionSummary s = data.summary();
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (ReportData.DepartmentReport r : p.departments()) {
                ReportData.Budget b = r.budget();
                ReportData.Evaluation e = r.evaluation();
                List<Object> head = List.of(s.region(), s.fiscalYear(), r.department().code(), r.department().name(),
                        plain(b == null ? null : b.adjustedBudget()), plain(b == null ? null : b.actualExpenditure()),
                        plain(b == null ? null : b.executionRate()), e.id(), e.status(), plain(e.total()),
                        e.grade() == null ? "" : e.grade());
                if (e.indicators().isEmpty()) {
                    List<Object> row = new ArrayList<>(head);
                    while (row.size() < COLUMNS.size()) {
                        row.add("");
                    }
                    csv.printRecord(row);
                    continue;
                }
                for (ReportData.Indicator i : IndicatorOutline.nodes(e.indicators())) {
                    List<Object> row = new ArrayList<>(head);
                    row.addAll(List.of(i.code(), i.parentCode() == null ? "" : i.parentCode(), i.level(), i.name(),
                            plain(i.weight()), i.target(), i.actual(), plain(i.score()), i.notApplicable()));
                    csv.printRecord(row);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /**
     * The {@code datapackage.json} of an open data document in CSV: a Frictionless tabular data package with the
     * Fiscal Data Package's fiscal period and model (amounts are measures in CNY), its one resource the document's
     * bytes at {@code content} beside the descriptor.
     */
    public OpenDataViews.DataPackage descriptor(Document d) {
        if (d.type != DocumentType.OPEN_DATA || d.format != DocumentFormat.CSV) {
            throw ProblemException.notFound("Report " + d.id + " has no data package: only open data in CSV (type "
                    + "OPEN_DATA, format CSV) is described by one");
        }
        String title = d.fileName.replaceFirst("\\.csv$", "");
        OpenDataViews.Resource resource = new OpenDataViews.Resource("open-data", "content", "tabular-data-resource",
                title, "csv", DocumentFormat.Media.CSV, "utf-8", d.sizeBytes, "sha256:" + d.sha256,
                new OpenDataViews.Dialect(",", "\r\n", "\"", true, true),
                new OpenDataViews.TableSchema(FIELDS, List.of("")));
        Map<String, OpenDataViews.Measure> measures = new LinkedHashMap<>();
        for (OpenDataViews.Field f : FIELDS) {
            if ("CNY".equals(f.currency())) {
                measures.put(f.name(), new OpenDataViews.Measure(f.name(), "CNY", 1));
            }
        }
        Map<String, OpenDataViews.Dimension> dimensions = new LinkedHashMap<>();
        dimensions.put("fiscalYear", dimension("datetime", "fiscalYear"));
        dimensions.put("region", dimension("location", "region"));
        dimensions.put("department", dimension("administrative-classification", "departmentCode", "departmentName"));
        dimensions.put("indicator", dimension("classification", "indicatorCode", "indicatorName", "parentCode",
                "level"));
        return new OpenDataViews.DataPackage("fiscal-data-package", "report-" + d.id, title,
                d.generatedAt.toString(), "CN",
                new OpenDataViews.FiscalPeriod(d.fiscalYear + "-01-01", d.asOf == null
                        ? d.fiscalYear + "-12-31"
                        : d.asOf.toString()),
                List.of(resource), new OpenDataViews.Model(measures, dimensions));
    }

    private static OpenDataViews.Dimension dimension(String type, String key, String... more) {
        Map<String, OpenDataViews.Attribute> attributes = new LinkedHashMap<>();
        attributes.put(key, new OpenDataViews.Attribute(key, null));
        for (String m : more) {
            attributes.put(m, new OpenDataViews.Attribute(m, m.endsWith("Name") ? key : null));
        }
        return new OpenDataViews.Dimension(type, List.of(key), attributes);
    }

    private static OpenDataViews.Field field(String name, String title, String type, String unit, String description) {
        return new OpenDataViews.Field(name, title, type, description, unit, null);
    }

    private static OpenDataViews.Field amount(String name, String title, String description) {
        return new OpenDataViews.Field(name, title, "number", description, "CNY", "CNY");
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
