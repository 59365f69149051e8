package gov.budgetperf.common.health;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Supervision of the event loops (consumers and the outbox relay) and what readiness makes of their state. */
@ConfigMapping(prefix = "platform.event-flow")
public interface EventFlowConfig {

    /** First pause before a loop that failed is started again; it doubles after each failure in a row. */
    @WithDefault("250ms")
    Duration restartBackoffMin();

    /** Longest pause between two restarts of a failing loop. */
    @WithDefault("30s")
    Duration restartBackoffMax();

    /** Consumer lag (records behind the end of the topic, all partitions) above which readiness is DOWN. */
    @WithDefault("10000")
    long maxConsumerLag();

    /** How often a consumer measures its lag (it asks the broker for the end offsets). */
    @WithDefault("5s")
    Duration lagInterval();

    /**
     * Age of the oldest unsent outbox event above which readiness is DOWN; unset (the default): never, since the
     * outbox exists so that the service keeps accepting writes while the broker is away.
     */
    Optional<Duration> maxOutboxAge();
}
