package gov.budgetperf.evaluation.evaluation;

import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * A workflow step (submit, return, approve, publish) reads an optional JSON comment, and its operations consume
 * {@code application/json} only, so that a body of another type is a 415 problem. A step sent without a body is read
 * as JSON whatever Content-Type it names (curl sends none, REST Assured a form type): there is nothing to read, and
 * such clients got their step done before the steps declared JSON.
 */
@Provider
@PreMatching
public class WorkflowBodies implements ContainerRequestFilter {

    private static final Pattern STEP = Pattern.compile("/?api/v1/evaluations/[^/]+/(submit|return|approve|publish)/?");

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod()) || !empty(request)
                || !STEP.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
    }

    /** No body: a Content-Length of 0, or neither a length nor a chunked transfer. */
    private static boolean empty(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return "0".equals(length.trim());
        }
        return request.getHeaderString("Transfer-Encoding") == null;
    }
}
