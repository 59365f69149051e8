package gov.budgetperf.common.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Maps every failure to RFC 9457 problem details; unexpected errors never leak class names or stack traces. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response r = respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.violations()));
        // a dependency that is down: tell the client when to come back (the circuit breakers' delay is 3 s)
        return e.status() == 503 ? Response.fromResponse(r).header("Retry-After", "5").build() : r;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Violation(fieldOf(v), v.getMessage()));
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        return respond(new Problem(URI.create("urn:problem:validation"), "Invalid request", 400,
                violations.size() + " field(s) are invalid", path(uri), violations));
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class,
            ValueInstantiationException.class})
    public Response json(JsonProcessingException e, UriInfo uri) {
        String field = "body";
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference ref : jme.getPath()) {
                if (ref.getFieldName() != null) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = sb.toString();
        }
        String message = e.getOriginalMessage();
        if (message != null && message.length() > 200) {
            message = message.substring(0, 200);
        }
        return respond(new Problem(URI.create("urn:problem:validation"), "Malformed JSON", 400,
                "The request body could not be read", path(uri), List.of(new Violation(field, message))));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response optimisticLock(RuntimeException e, UriInfo uri) {
        return respond(new Problem(URI.create("urn:problem:conflict"), "Concurrent modification", 409,
                "Someone else changed this resource at the same time; read it again and retry", path(uri), null));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(URI.create("urn:problem:forbidden"), "Forbidden", 403,
                "Your role does not allow this operation", path(uri), null));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(URI.create("urn:problem:unauthorized"), "Unauthorized", 401,
                "A valid bearer token is required", path(uri), null))).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof ProblemException p) {
            // a parameter converter's answer (e.g. DateParams), wrapped by JAX-RS in a 404
            return problem(p, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "HTTP " + status;
        return respond(new Problem(URI.create("urn:problem:http-" + status), title, status, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", id, uri == null ? "?" : uri.getPath());
        return respond(new Problem(URI.create("urn:problem:internal"), "Internal error", 500,
                "An unexpected error occurred; quote error id " + id + " to the operators", path(uri), null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static URI path(UriInfo uri) {
        return uri == null ? null : URI.create(uri.getPath());
    }

    /** "create.arg0.amount" -> "amount": the client knows the body field, not the Java method. */
    private static String fieldOf(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 2 && v.getExecutableParameters() != null) {
            // method.param[.field...]
            StringBuilder sb = new StringBuilder();
            for (int i = 2; i < parts.length; i++) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(parts[i]);
            }
            return sb.isEmpty() ? parts[1] : sb.toString();
        }
        return path;
    }
}
