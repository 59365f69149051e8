package gov.budgetperf.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import gov.budgetperf.common.problem.ProblemException;

/**
 * A request URI longer than {@code platform.http.max-uri-length} (default 4096 characters, path and query) is a 414
 * problem. The HTTP server's own limit ({@code quarkus.http.limits.max-initial-line-length}) is set far above it in
 * every service, because the server answers its 414 itself, as plain text, before any code of ours could: so up to
 * that far limit the client gets a problem that says what the limit is.
 */
@Provider
@PreMatching
public class UriLength implements ContainerRequestFilter {

    @ConfigProperty(name = "platform.http.max-uri-length", defaultValue = "4096")
    int maxLength;

    @Override
    public void filter(ContainerRequestContext request) {
        int length = request.getUriInfo().getRequestUri().getRawPath().length();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query != null) {
            length += query.length() + 1;
        }
        if (length > maxLength) {
            throw new ProblemException(414, "uri-too-long", "URI too long", "The request URI has " + length
                    + " characters; at most " + maxLength + " are accepted (send long selections in a body)", null);
        }
    }
}
