package gov.budgetperf.common.problem;

import java.net.URI;
import java.util.List;

/**
 * A failure the client can act on. Services throw it (through the factories below) and the mapper turns it into
 * problem details; nothing else about the exception reaches the client.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Violation> violations;

    public ProblemException(int status, String slug, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Resource not found", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict with the current state", detail, null);
    }

    /** A conflict with the current state that one field of the request causes (e.g. an amount beyond what is left). */
    public static ProblemException conflict(String field, String message) {
        return new ProblemException(409, "conflict", "Conflict with the current state", field + ": " + message,
                List.of(new Violation(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "stale-version", "The resource has changed since you read it", detail, null);
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "precondition-required", "If-Match required", detail, null);
    }

    public static ProblemException invalid(String detail, List<Violation> violations) {
        return new ProblemException(400, "validation", "Invalid request", detail, violations);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(field + ": " + message, List.of(new Violation(field, message)));
    }

    public static ProblemException unprocessable(String detail, List<Violation> violations) {
        return new ProblemException(422, "unprocessable", "Request could not be processed", detail, violations);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "A required service is unavailable", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create("urn:problem:" + slug);
    }

    public List<Violation> violations() {
        return violations;
    }
}
