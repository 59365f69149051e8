package gov.budgetperf.common.web;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import gov.budgetperf.common.problem.ProblemException;

/**
 * A path or query parameter holding NUL ({@code %00}) can name nothing that exists and cannot be stored or even
 * compared by PostgreSQL (it fails there as a 500): it is a 400 naming the parameter, before any resource runs.
 */
@Provider
public class NulFreeParameters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MultivaluedMap<String, String> path;
        MultivaluedMap<String, String> query;
        try {
            path = request.getUriInfo().getPathParameters();
            query = request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("uri", "malformed percent-encoding in the path or query");
        }
        check(path, "path");
        check(query, "query");
    }

    private static void check(MultivaluedMap<String, String> parameters, String where) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            for (String value : p.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    throw ProblemException.invalid(p.getKey(), "the " + where + " parameter contains a NUL character");
                }
            }
        }
    }
}
