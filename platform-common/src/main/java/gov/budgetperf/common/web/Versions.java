package gov.budgetperf.common.web;

import jakarta.ws.rs.core.EntityTag;

import gov.budgetperf.common.problem.ProblemException;

/** Optimistic concurrency over HTTP: the entity version is the ETag, writes must send it back in If-Match. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks an If-Match header against the current version: 428 when missing, 412 when stale.
     */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired("Send the ETag you read in If-Match to change this resource");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        if (!"*".equals(tag) && !tag.equals(Long.toString(current))) {
            throw ProblemException.preconditionFailed(
                    "If-Match " + ifMatch + " does not match the current version \"" + current + "\"");
        }
    }
}
