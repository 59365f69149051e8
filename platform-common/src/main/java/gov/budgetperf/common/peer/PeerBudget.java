package gov.budgetperf.common.peer;

/**
 * The time budget of one call to a peer, in one place for every REST client of the platform (the fault-tolerance
 * annotations take constants). A call ends within {@link #TOTAL_MS}, well inside any caller's or probe's patience:
 * one attempt of at most {@link #ATTEMPT_MS}; one retry only after a failure that came fast (connection refused, a
 * 5xx), never after a time-out (a peer that hangs will hang again); then a 503 with Retry-After. After
 * {@link #BREAKER_FAILURES} failures in {@link #BREAKER_WINDOW} calls the circuit opens for {@link #BREAKER_DELAY_MS}:
 * calls fail at once, then one trial call closes it again when the peer is back.
 */
public final class PeerBudget {

    /** Longest a whole call may take, retry included (with the REST client's connect and read time-outs below it). */
    public static final long TOTAL_MS = 2800;
    /**
     * One attempt; the REST clients' read time-out is set to the same. Generous within the 3 s a caller is promised:
     * a loaded peer (a batch, a cold JVM) answers within it, a hung one does not.
     */
    public static final long ATTEMPT_MS = 2500;
    public static final int MAX_RETRIES = 1;
    public static final long RETRY_DELAY_MS = 100;
    public static final long RETRY_JITTER_MS = 50;
    public static final int BREAKER_WINDOW = 4;
    public static final double BREAKER_FAILURE_RATIO = 0.75;
    public static final int BREAKER_FAILURES = 3;
    public static final long BREAKER_DELAY_MS = 3000;

    private PeerBudget() {
    }
}
