package gov.budgetperf.report.document;

import java.util.EnumSet;
import java.util.Set;

/** The documents report-service builds, each in the formats users ask for (DESIGN §5). */
public enum DocumentType {
    /** 部门整体支出绩效自评表. */
    DEPARTMENT_FORM("部门整体支出绩效自评表", Subject.DEPARTMENT, EnumSet.of(DocumentFormat.XLSX, DocumentFormat.PDF,
            DocumentFormat.HTML)),
    /** 部门整体支出绩效自评报告, with the form as its annex. */
    DEPARTMENT_REPORT("部门整体支出绩效自评报告", Subject.DEPARTMENT, EnumSet.of(DocumentFormat.DOCX, DocumentFormat.PDF,
            DocumentFormat.HTML)),
    /** 项目支出绩效自评表. */
    PROJECT_FORM("项目支出绩效自评表", Subject.PROJECT, EnumSet.of(DocumentFormat.XLSX, DocumentFormat.PDF,
            DocumentFormat.HTML)),
    /** 项目绩效评价报告. */
    PROJECT_REPORT("项目绩效评价报告", Subject.PROJECT, EnumSet.of(DocumentFormat.DOCX, DocumentFormat.PDF,
            DocumentFormat.HTML)),
    /** Summary across the departments of a region: rates, totals, grades, ranking, lights, charts. */
    REGION_SUMMARY("绩效自评汇总", Subject.REGION, EnumSet.of(DocumentFormat.PDF, DocumentFormat.HTML,
            DocumentFormat.XLSX)),
    /** Open data: the region's figures indicator by indicator. */
    OPEN_DATA("绩效自评开放数据", Subject.REGION, EnumSet.of(DocumentFormat.JSON, DocumentFormat.CSV));

    public enum Subject {
        DEPARTMENT, PROJECT, REGION
    }

    private final String title;
    private final Subject subject;
    private final Set<DocumentFormat> formats;

    DocumentType(String title, Subject subject, Set<DocumentFormat> formats) {
        this.title = title;
        this.subject = subject;
        this.formats = formats;
    }

    public String title() {
        return title;
    }

    public Subject subject() {
        return subject;
    }

    public Set<DocumentFormat> formats() {
        return formats;
    }
}
