package gov.budgetperf.report.document;

/** File formats, with their media types and extensions. */
public enum DocumentFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"), DOCX(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx"), PDF("application/pdf", "pdf"), HTML("text/html; charset=UTF-8",
                    "html"), JSON("application/json", "json"), CSV("text/csv; charset=UTF-8", "csv");

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
