package gov.budgetperf.common.peer;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a peer's error response into an exception the fault-tolerance policy can tell apart: a 4xx is an answer
 * (not retried, does not open the circuit), a 5xx is a failure of the peer.
 */
public class PeerErrors implements ResponseExceptionMapper<RuntimeException> {

    /** The peer answered 404. */
    public static class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** The peer refused the request (4xx other than 404): a bug or a configuration error here, not an outage. */
    public static class Rejected extends RuntimeException {
        final int status;

        Rejected(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** The peer failed (5xx). */
    public static class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        String message = "HTTP " + status + (body.isBlank() ? "" : ": " + abbreviate(body));
        if (status == 404) {
            return new NotFound(message);
        }
        return status < 500 ? new Rejected(status, message) : new Failed(message);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
