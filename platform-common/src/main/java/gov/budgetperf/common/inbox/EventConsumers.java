package gov.budgetperf.common.inbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.ShutdownEvent;

import gov.budgetperf.common.health.EventFlowConfig;
import gov.budgetperf.common.health.EventFlows;
import gov.budgetperf.common.kafka.KafkaClients;

/**
 * Starts this service's supervised consumer loops and stops them at shutdown, last started first, before the beans
 * their handlers use go away. A service's consumer only says what to consume and how to apply a record.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    KafkaClients kafka;

    @Inject
    EventFlows flows;

    @Inject
    EventFlowConfig config;

    private final List<EventConsumerLoop> loops = new ArrayList<>();

    /** A supervised loop over {@code topic} in consumer group {@code groupId}, started now. */
    public synchronized EventConsumerLoop start(String groupId, String topic, String deadLetterTopic,
            EventConsumerLoop.Handler handler) {
        EventConsumerLoop loop = new EventConsumerLoop(kafka, flows, config.lagInterval(), groupId, topic,
                deadLetterTopic, handler);
        loops.add(loop);
        loop.start();
        return loop;
    }

    synchronized void stop(@Observes @Priority(1) ShutdownEvent ev) {
        for (int i = loops.size() - 1; i >= 0; i--) {
            loops.get(i).stop();
        }
        loops.clear();
    }
}
