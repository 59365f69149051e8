package gov.budgetperf.common.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the transactional outbox relay. */
@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay (only one instance relays at a time anyway, via an advisory lock). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for unsent events when nothing woke it up. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Most events sent per relay round. */
    @WithDefault("500")
    int batchSize();

    /** Longest pause between retries while Kafka is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** Sent events older than this are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** The CloudEvents "source" of this service's events, e.g. /budget-service. */
    String source();
}
