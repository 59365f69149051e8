package gov.budgetperf.report.document;

/** File formats, with their media types and extensions. */
public enum DocumentFormat {
    XLSX(Media.XLSX, "xlsx"), DOCX(Media.DOCX, "docx"), PDF(Media.PDF, "pdf"), HTML(Media.HTML + "; charset=UTF-8",
            "html"), JSON(Media.JSON, "json"), CSV(Media.CSV + "; charset=UTF-8", "csv");

    /** The media types, as constants for annotations (the download's @Produces and its OpenAPI content). */
    public static final class Media {
        public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        public static final String PDF = "application/pdf";
        public static final String HTML = "text/html";
        public static final String JSON = "application/json";
        public static final String CSV = "text/csv";

        private Media() {
        }
    }

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
