package gov.budgetperf.common.problem;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem details document ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "URI identifying the problem type", examples = "urn:problem:validation") URI type,
        @Schema(description = "Short summary of the problem type", examples = "Invalid request") String title,
        @Schema(description = "HTTP status", examples = "400") int status,
        @Schema(description = "Explanation specific to this occurrence") String detail,
        @Schema(description = "The request path, a relative reference", format = "uri-reference", examples = "/api/v1/departments/GZ-TH-GSL") URI instance,
        @Schema(description = "Field-level violations, for validation errors") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
