package gov.budgetperf.report.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.report.content.DocumentInputs;
import gov.budgetperf.report.content.ReportAssembler;
import gov.budgetperf.report.content.ReportAssembler.Assembled;
import gov.budgetperf.report.content.ReportAssembler.RegionData;
import gov.budgetperf.report.content.ReportData;
import gov.budgetperf.report.render.DocxDocuments;
import gov.budgetperf.report.render.HtmlDocuments;
import gov.budgetperf.report.render.PdfRenderer;
import gov.budgetperf.report.render.XlsxDocuments;

/** Fetches a document's inputs and renders it in the asked format. Holds no transaction (peers are called). */
@ApplicationScoped
public class DocumentRenderer {

    @Inject
    ReportAssembler assembler;

    @Inject
    HtmlDocuments html;

    @Inject
    PdfRenderer pdf;

    @Inject
    XlsxDocuments xlsx;

    @Inject
    DocxDocuments docx;

    @Inject
    OpenDataWriter openData;

    /** What to render. */
    /** @param asOf region documents: the cut-off date of figures and lights (null: 31 December) */
    public record Request(DocumentType type, DocumentFormat format, String departmentCode, int fiscalYear,
            String projectCode, String region, java.time.LocalDate asOf) {
    }

    public record Rendered(byte[] content, DocumentInputs inputs, String fileName) {
    }

    public Rendered render(Request r) {
        if (!r.type().formats().contains(r.format())) {
            throw ProblemException.invalid("format", r.type() + " is made as " + r.type().formats() + ", not " + r.format());
        }
        return switch (r.type()) {
            case DEPARTMENT_FORM, DEPARTMENT_REPORT -> department(r);
            case PROJECT_FORM, PROJECT_REPORT -> project(r);
            case REGION_SUMMARY, OPEN_DATA -> region(r);
        };
    }

    private Rendered department(Request r) {
        boolean report = r.type() == DocumentType.DEPARTMENT_REPORT;
        Assembled<ReportData.DepartmentReport> a = assembler.department(r.departmentCode(), r.fiscalYear(), report);
        ReportData.DepartmentReport d = a.data();
        byte[] bytes = switch (r.format()) {
            case XLSX -> xlsx.departmentForm(d);
            case DOCX -> docx.departmentReport(d);
            case HTML -> utf8(report ? html.departmentReport(d) : html.departmentForm(d));
            case PDF -> pdf.fromHtml(report ? html.departmentReport(d) : html.departmentForm(d));
            default -> throw new IllegalStateException(r.format().name());
        };
        return new Rendered(bytes, a.inputs(), fileName(r, d.fiscalYear() + "年度" + d.department().name()));
    }

    private Rendered project(Request r) {
        if (r.projectCode() == null || r.projectCode().isBlank()) {
            throw ProblemException.invalid("projectCode", "required for " + r.type());
        }
        boolean report = r.type() == DocumentType.PROJECT_REPORT;
        Assembled<ReportData.ProjectReport> a = assembler.project(r.departmentCode(), r.fiscalYear(), r.projectCode());
        ReportData.ProjectReport p = a.data();
        byte[] bytes = switch (r.format()) {
            case XLSX -> xlsx.projectForm(p);
            case DOCX -> docx.projectReport(p);
            case HTML -> utf8(report ? html.projectReport(p) : html.projectForm(p));
            case PDF -> pdf.fromHtml(report ? html.projectReport(p) : html.projectForm(p));
            default -> throw new IllegalStateException(r.format().name());
        };
        return new Rendered(bytes, a.inputs(), fileName(r, p.fiscalYear() + "年度" + p.project().name()));
    }

    private Rendered region(Request r) {
        if (r.region() == null || r.region().isBlank()) {
            throw ProblemException.invalid("region", "required for " + r.type());
        }
        Assembled<RegionData> a = assembler.region(r.region(), r.fiscalYear(), r.asOf());
        ReportData.RegionSummary s = a.data().summary();
        byte[] bytes = switch (r.format()) {
            case HTML -> utf8(html.regionSummary(s));
            case PDF -> pdf.fromHtml(html.regionSummary(s));
            case XLSX -> xlsx.regionSummary(s);
            case JSON -> openData.json(a.data(), r.departmentCode());
            case CSV -> openData.csv(a.data(), r.departmentCode());
            default -> throw new IllegalStateException(r.format().name());
        };
        String department = r.type() == DocumentType.OPEN_DATA && r.departmentCode() != null
                ? a.data().departments().stream().filter(d -> d.department().code().equals(r.departmentCode()))
                        .map(d -> d.department().name()).findFirst().orElse(r.departmentCode())
                : "";
        return new Rendered(bytes, a.inputs(), fileName(r,
                r.fiscalYear() + "年度" + r.region() + department + (r.asOf() == null ? "" : "截至" + r.asOf())));
    }

    private static String fileName(Request r, String prefix) {
        return (prefix + r.type().title()).replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + "." + r.format().extension();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
