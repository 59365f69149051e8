package gov.budgetperf.common.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a test profile a Kafka broker of its own (a real broker process) that its tests may stop and restart.
 * Returns the bootstrap servers it set up.
 */
public class DedicatedKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBrokerProcess broker;

    public static KafkaBrokerProcess broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        try {
            broker = new KafkaBrokerProcess();
            broker.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test Kafka broker", e);
        }
        // both spellings: a %test value in application.properties must not win over this broker
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(), "%test.kafka.bootstrap.servers",
                broker.bootstrapServers());
    }

    @Override
    public void stop() {
        try {
            if (broker != null) {
                broker.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
