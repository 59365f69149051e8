package gov.budgetperf.report.render;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

import gov.budgetperf.report.content.ReportData.DepartmentReport;
import gov.budgetperf.report.content.ReportData.ProjectReport;
import gov.budgetperf.report.content.ReportData.RegionSummary;

/**
 * The documents as HTML, from the Qute templates under {@code templates/documents/}. The output is XHTML that is also
 * valid HTML5 (doctype, {@code lang="zh-CN"}, UTF-8, escaped text, self-closed void elements), so the same string is
 * served to browsers and handed to {@link PdfRenderer}. Figures are formatted by {@link HtmlViews}; a missing budget
 * or evaluation prints empty cells.
 */
@ApplicationScoped
public class HtmlDocuments {

    @Inject
    Engine engine;

    HtmlDocuments() {
    }

    /** Outside Quarkus: e.g. {@code new HtmlDocuments(HtmlTemplates.standaloneEngine())}. */
    HtmlDocuments(Engine engine) {
        this.engine = engine;
    }

    /** 部门整体支出绩效自评表. */
    public String departmentForm(DepartmentReport r) {
        return template(HtmlTemplates.DEPARTMENT_FORM).data("form", HtmlViews.departmentForm(r)).render();
    }

    /** 部门整体支出绩效自评报告 (the 花都 outline), with the form as 附件. */
    public String departmentReport(DepartmentReport r) {
        HtmlViews.DepartmentReportView v = HtmlViews.departmentReport(r);
        return template(HtmlTemplates.DEPARTMENT_REPORT).data("v", v).data("form", v.form()).render();
    }

    /** 项目支出绩效自评表. */
    public String projectForm(ProjectReport r) {
        return template(HtmlTemplates.PROJECT_FORM).data("form", HtmlViews.projectForm(r)).render();
    }

    /** 项目绩效评价报告. */
    public String projectReport(ProjectReport r) {
        return template(HtmlTemplates.PROJECT_REPORT).data("v", HtmlViews.projectReport(r)).render();
    }

    /** Summary across the departments of a region, with bar charts drawn in CSS. */
    public String regionSummary(RegionSummary s) {
        return template(HtmlTemplates.REGION_SUMMARY).data("v", HtmlViews.regionSummary(s)).render();
    }

    private Template template(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("template not found: " + id);
        }
        return template;
    }
}
