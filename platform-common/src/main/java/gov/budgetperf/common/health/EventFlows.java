package gov.budgetperf.common.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The state of every event loop of this service (each consumer, the outbox relay), as the loops report it: what
 * readiness shows and decides on, and what Prometheus scrapes (event_loop_state, event_loop_restarts,
 * event_consumer_lag, outbox_oldest_unsent_age_seconds). Reading it costs nothing: readiness answers at once whatever
 * is down.
 */
@ApplicationScoped
public class EventFlows {

    /** What a loop is doing. */
    public enum State {
        /** Started, not yet through its first round. */
        STARTING,
        /** Polling (or relaying) normally. */
        RUNNING,
        /** Failed; waiting to be started again. */
        RESTARTING,
        /** Ended: at shutdown, or a loop that is not running although it should. */
        STOPPED
    }

    @Inject
    MeterRegistry registry;

    @Inject
    EventFlowConfig config;

    private final Map<String, Loop> loops = new ConcurrentHashMap<>();

    /** The loop of this name (a consumer: "consumer:" + topic; the relay: "outbox-relay"), registered once. */
    public Loop loop(String name) {
        return loops.computeIfAbsent(name, n -> {
            Loop l = new Loop(n);
            Gauge.builder("event.loop.state", l, x -> x.state.ordinal()).tag("loop", n)
                    .description("0 starting, 1 running, 2 restarting, 3 stopped").register(registry);
            Gauge.builder("event.loop.restarts", l, x -> x.restarts.get()).tag("loop", n)
                    .description("Restarts after a failure since the service started").register(registry);
            Gauge.builder("event.consumer.lag", l, x -> x.lag < 0 ? Double.NaN : x.lag).tag("loop", n)
                    .description("Records behind the end of the topic (consumers)").register(registry);
            Gauge.builder("outbox.oldest.unsent.age", l, x -> x.backlogAgeSeconds < 0 ? Double.NaN : x.backlogAgeSeconds)
                    .tag("loop", n).baseUnit("seconds").description("Age of the oldest unsent outbox event (relay)")
                    .register(registry);
            return l;
        });
    }

    public List<Loop> loops() {
        return loops.values().stream().sorted((a, b) -> a.name.compareTo(b.name)).toList();
    }

    /** The next pause after a failure: doubled (from the minimum up to the maximum), with ±25 % jitter. */
    public Duration nextBackoff(Duration previous) {
        long min = config.restartBackoffMin().toMillis();
        long base = previous == null || previous.isZero()
                ? min
                : Math.min(Math.max(previous.toMillis() * 2, min), config.restartBackoffMax().toMillis());
        return Duration.ofMillis(jitter(base));
    }

    /** A pause of about {@code millis} (±25 %), so that replicas failing together do not retry together. */
    public static long jitter(long millis) {
        return Math.max(1, Math.round(millis * (0.75 + ThreadLocalRandom.current().nextDouble() * 0.5)));
    }

    /** One loop's state, written by the loop's own thread and read by readiness and the metrics. */
    public static final class Loop {

        public final String name;
        private volatile State state = State.STARTING;
        private volatile Instant since = Instant.now();
        private volatile String lastError;
        private volatile boolean stoppedOnPurpose;
        private final AtomicLong restarts = new AtomicLong();
        private volatile long lag = -1;
        private volatile double backlogAgeSeconds = -1;
        private volatile long backlog = -1;

        Loop(String name) {
            this.name = name;
        }

        public void starting() {
            set(State.STARTING);
            stoppedOnPurpose = false;
        }

        public void running() {
            if (state != State.RUNNING) {
                set(State.RUNNING);
            }
        }

        /** A failure; {@link #since()} stays the first failure of a streak, until the loop runs again. */
        public void restarting(Throwable cause) {
            restarts.incrementAndGet();
            lastError = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            if (state != State.RESTARTING) {
                set(State.RESTARTING);
            }
        }

        /** @param onPurpose at shutdown (or disabled by configuration), not a loop that died */
        public void stopped(boolean onPurpose) {
            stoppedOnPurpose = onPurpose;
            set(State.STOPPED);
        }

        public void lag(long records) {
            lag = records;
        }

        public void backlog(long events, Duration oldestAge) {
            backlog = events;
            backlogAgeSeconds = oldestAge == null ? 0 : oldestAge.toMillis() / 1000.0;
        }

        private void set(State s) {
            state = s;
            since = Instant.now();
        }

        public State state() {
            return state;
        }

        public Instant since() {
            return since;
        }

        public String lastError() {
            return lastError;
        }

        public boolean stoppedOnPurpose() {
            return stoppedOnPurpose;
        }

        public long restarts() {
            return restarts.get();
        }

        /** Records behind, or -1 when not known yet. */
        public long lag() {
            return lag;
        }

        /** Unsent outbox events, or -1 when not measured (not the relay). */
        public long backlog() {
            return backlog;
        }

        /** Age in seconds of the oldest unsent outbox event, or -1 when not measured. */
        public double backlogAgeSeconds() {
            return backlogAgeSeconds;
        }
    }
}
