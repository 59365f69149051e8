package gov.budgetperf.common.peer;

import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import gov.budgetperf.common.problem.ProblemException;

/**
 * How a service calls a peer: a 404 is "not found" (empty), any outage (connection refused, timeout, 5xx, open
 * circuit) becomes a 503 problem that names the peer, and a refusal (another 4xx) a 502 that says what the peer said.
 */
public final class Peer {

    private static final Logger LOG = Logger.getLogger(Peer.class);

    private Peer() {
    }

    public static <T> Optional<T> find(String peer, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (PeerErrors.NotFound e) {
            return Optional.empty();
        } catch (PeerErrors.Rejected e) {
            LOG.warnf("%s refused a request: %s", peer, e.getMessage());
            throw new ProblemException(502, "peer-refused", "A required service refused the request",
                    peer + " refused the request (" + e.getMessage() + ")", null);
        } catch (CircuitBreakerOpenException e) {
            throw ProblemException.unavailable(peer + " is unavailable (circuit open after repeated failures); retry shortly");
        } catch (TimeoutException e) {
            throw ProblemException.unavailable(peer + " did not answer in time; retry shortly");
        } catch (RuntimeException e) {
            LOG.debugf(e, "%s call failed", peer);
            throw ProblemException.unavailable(peer + " is unavailable: " + rootMessage(e));
        }
    }

    public static <T> T get(String peer, String what, Supplier<T> call) {
        return find(peer, call).orElseThrow(() -> ProblemException.notFound(what + " not found in " + peer));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }
}
