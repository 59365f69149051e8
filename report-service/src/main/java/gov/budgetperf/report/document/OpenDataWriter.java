package gov.budgetperf.report.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.budgetperf.report.content.ReportAssembler.RegionData;
import gov.budgetperf.report.content.ReportData;

/**
 * Open data: the region's figures indicator by indicator, as JSON and as CSV (UTF-8 with a byte-order mark, so that
 * spreadsheet programs read the Chinese). Amounts in yuan and rates in percent, exactly as the services computed them
 * (no rounding: open data is for machines).
 */
@ApplicationScoped
public class OpenDataWriter {

    static final List<String> COLUMNS = List.of("region", "fiscalYear", "departmentCode", "departmentName",
            "adjustedBudget", "actualExpenditure", "executionRate", "evaluationId", "evaluationStatus", "total", "grade",
            "indicatorCode", "parentCode", "level", "indicatorName", "weight", "target", "actual", "score",
            "notApplicable");

    @Inject
    ObjectMapper mapper;

    public byte[] json(RegionData data) {
        Map<String, Object> root = new LinkedHashMap<>();
        ReportData.RegionSummary s = data.summary();
        root.put("region", s.region());
        root.put("fiscalYear", s.fiscalYear());
        root.put("generatedAt", s.generatedAt().toString());
        root.put("totalAdjustedBudget", s.totalAdjustedBudget());
        root.put("totalActualExpenditure", s.totalActualExpenditure());
        root.put("executionRate", s.overallExecutionRate());
        List<Map<String, Object>> departments = new ArrayList<>();
        for (ReportData.DepartmentReport r : data.departments()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("departmentCode", r.department().code());
            d.put("departmentName", r.department().name());
            d.put("adjustedBudget", r.budget() == null ? null : r.budget().adjustedBudget());
            d.put("actualExpenditure", r.budget() == null ? null : r.budget().actualExpenditure());
            d.put("executionRate", r.budget() == null ? null : r.budget().executionRate());
            ReportData.Evaluation e = r.evaluation();
            d.put("evaluationId", e == null ? null : e.id());
            d.put("evaluationStatus", e == null ? null : e.status());
            d.put("total", e == null ? null : e.total());
            d.put("grade", e == null ? null : e.grade());
            List<Map<String, Object>> indicators = new ArrayList<>();
            if (e != null) {
                for (ReportData.Indicator i : e.indicators()) {
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

    public byte[] csv(RegionData data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        ReportData.RegionSummary s = data.summary();
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (ReportData.DepartmentReport r : data.departments()) {
                ReportData.Budget b = r.budget();
                ReportData.Evaluation e = r.evaluation();
                List<Object> head = List.of(s.region(), s.fiscalYear(), r.department().code(), r.department().name(),
                        plain(b == null ? null : b.adjustedBudget()), plain(b == null ? null : b.actualExpenditure()),
                        plain(b == null ? null : b.executionRate()), e == null ? "" : e.id(),
                        e == null ? "" : e.status(), plain(e == null ? null : e.total()),
                        e == null || e.grade() == null ? "" : e.grade());
                if (e == null || e.indicators().isEmpty()) {
                    List<Object> row = new ArrayList<>(head);
                    while (row.size() < COLUMNS.size()) {
                        row.add("");
                    }
                    csv.printRecord(row);
                    continue;
                }
                for (ReportData.Indicator i : e.indicators()) {
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

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
