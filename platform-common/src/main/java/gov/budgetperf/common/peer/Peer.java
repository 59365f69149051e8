package gov.budgetperf.common.peer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    /** The last answer (or its absence) from each peer: what readiness shows without calling anyone. */
    private static final Map<String, Outcome> LAST = new ConcurrentHashMap<>();

    /** How the last call to a peer ended: answered (a 2xx, a 404 or another 4xx), or not (why). */
    public record Outcome(boolean answered, Instant at, String failure) {
    }

    /** The last outcome of a call to {@code peer}, empty before the first call. */
    public static Optional<Outcome> lastOutcome(String peer) {
        return Optional.ofNullable(LAST.get(peer));
    }

    public static <T> Optional<T> find(String peer, Supplier<T> call) {
        try {
            Optional<T> answer = Optional.ofNullable(call.get());
            answered(peer);
            return answer;
        } catch (PeerErrors.NotFound e) {
            answered(peer);
            return Optional.empty();
        } catch (PeerErrors.Rejected e) {
            answered(peer);
            LOG.warnf("%s refused a request: %s", peer, e.getMessage());
            throw new ProblemException(502, "peer-refused", "A required service refused the request",
                    peer + " refused the request (" + e.getMessage() + ")", null);
        } catch (CircuitBreakerOpenException e) {
            throw failed(peer, peer + " is unavailable (circuit open after repeated failures); retry shortly");
        } catch (TimeoutException e) {
            throw failed(peer, peer + " did not answer in time; retry shortly");
        } catch (RuntimeException e) {
            LOG.debugf(e, "%s call failed", peer);
            throw failed(peer, peer + " is unavailable: " + rootMessage(e));
        }
    }

    private static void answered(String peer) {
        LAST.put(peer, new Outcome(true, Instant.now(), null));
    }

    private static ProblemException failed(String peer, String why) {
        LAST.put(peer, new Outcome(false, Instant.now(), why));
        return ProblemException.unavailable(why);
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
