package gov.budgetperf.common.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

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
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Maps every failure to RFC 9457 problem details; unexpected errors never leak class names or stack traces. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return safely(uri, () -> {
            Response r = respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.violations()));
            // a dependency that is down: tell the client when to come back (the circuit breakers' delay is 3 s)
            return e.status() == 503 ? Response.fromResponse(r).header("Retry-After", "5").build() : r;
        });
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        return safely(uri, () -> {
            List<Violation> violations = new ArrayList<>();
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                violations.add(new Violation(fieldOf(v), v.getMessage()));
            }
            violations.sort((a, b) -> a.field().compareTo(b.field()));
            return respond(new Problem(URI.create("urn:problem:validation"), "Invalid request", 400,
                    violations.size() + " field(s) are invalid", path(uri), violations));
        });
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class,
            ValueInstantiationException.class})
    public Response json(JsonProcessingException e, UriInfo uri) {
        return safely(uri, () -> respond(new Problem(URI.create("urn:problem:validation"), "Malformed JSON", 400,
                "The request body could not be read", path(uri), List.of(JsonViolations.of(e)))));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response optimisticLock(RuntimeException e, UriInfo uri) {
        return safely(uri, () -> respond(new Problem(URI.create("urn:problem:conflict"), "Concurrent modification", 409,
                "Someone else changed this resource at the same time; read it again and retry", path(uri), null)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return safely(uri, () -> respond(new Problem(URI.create("urn:problem:forbidden"), "Forbidden", 403,
                "Your role does not allow this operation", path(uri), null)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return authenticationFailed(e, uri);
    }

    /** A token that is forged, expired or signed with alg=none (authentication is lazy, so it ends up here). */
    @ServerExceptionMapper({AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response authenticationFailed(RuntimeException e, UriInfo uri) {
        return safely(uri, () -> Response.fromResponse(respond(new Problem(URI.create("urn:problem:unauthorized"),
                "Unauthorized", 401, "A valid bearer token is required", path(uri), null)))
                .header("WWW-Authenticate", "Bearer").build());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        return safely(uri, () -> {
            // Quarkus REST wraps what a body reader or parameter converter threw: answer for the cause
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof ProblemException p) {
                    // a parameter converter's answer (e.g. DateParams), wrapped by JAX-RS in a 404
                    return problem(p, uri);
                }
                if (c instanceof JsonProcessingException j && e.getResponse().getStatus() == 400) {
                    return json(j, uri);
                }
                if (c instanceof ConstraintViolationException v) {
                    return constraintViolation(v, uri);
                }
            }
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return unexpected(e, uri);
            }
            Response.Status known = Response.Status.fromStatusCode(status);
            String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
            Response.ResponseBuilder r = Response.fromResponse(respond(new Problem(
                    URI.create("urn:problem:http-" + status), title, status, detail(e, status), path(uri), null)));
            // keep what the original answer told the client (Allow on a 405, WWW-Authenticate on a 401)
            for (String h : List.of("Allow", "WWW-Authenticate", "Retry-After")) {
                Object v = e.getResponse().getHeaders().getFirst(h);
                if (v != null) {
                    r.header(h, v);
                }
            }
            return r.build();
        });
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String id = UUID.randomUUID().toString();
        try {
            LOG.errorf(e, "Unexpected error %s on %s", id, path(uri));
        } catch (RuntimeException ignored) {
            // logging must not turn the answer into something worse
        }
        return respond(new Problem(URI.create("urn:problem:internal"), "Internal error", 500,
                "An unexpected error occurred; quote error id " + id + " to the operators", path(uri), null));
    }

    /** Runs a mapper; should it fail itself, the client still gets a problem document (a 500 naming an error id). */
    private Response safely(UriInfo uri, Supplier<Response> mapper) {
        try {
            return mapper.get();
        } catch (RuntimeException failure) {
            return unexpected(failure, uri);
        }
    }

    private static String detail(WebApplicationException e, int status) {
        return switch (status) {
            case 404 -> "No resource at this path (or a path parameter is not of its type)";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "None of the media types in Accept can be produced here";
            case 415 -> "The request's Content-Type is not one this endpoint reads (JSON bodies are application/json)";
            case 400 -> e.getCause() != null && e.getCause().getMessage() != null
                    ? "The request could not be read: " + abbreviate(e.getCause().getMessage())
                    : "The request could not be read";
            default -> e.getMessage();
        };
    }

    private static String abbreviate(String s) {
        String one = s.replace('\u0000', ' ');
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static URI path(UriInfo uri) {
        return ProblemInstance.of(uri);
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
