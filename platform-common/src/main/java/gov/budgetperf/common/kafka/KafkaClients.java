package gov.budgetperf.common.kafka;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;

/**
 * Builds plain Kafka clients from the {@code kafka.*} configuration (the {@code default-kafka-broker} map that the
 * Quarkus kafka-client extension fills), with the delivery guarantees the platform relies on set explicitly.
 */
@ApplicationScoped
public class KafkaClients {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> config;

    /**
     * Resolved through the normal configuration ordering (the default-kafka-broker map also reads KAFKA_* environment
     * variables directly, which would override a test's or a profile's value).
     */
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Base client settings (bootstrap servers, security) without anything producer- or consumer-specific. */
    public Map<String, Object> base() {
        Map<String, Object> copy = new HashMap<>();
        config.forEach((k, v) -> {
            // keep only real client keys, not the extension's own settings
            if (k.contains(".") || k.equals("acks")) {
                copy.put(k, v);
            }
        });
        copy.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return copy;
    }

    /** A producer that never loses or duplicates a record it acknowledged: acks=all, idempotent. */
    public KafkaProducer<String, String> reliableProducer(String clientId) {
        Map<String, Object> props = base();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Fail fast while the broker is down: the outbox keeps the events and the relay retries.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** A consumer in the given group that commits offsets only when told to (after the effect is committed). */
    public KafkaConsumer<String, String> manualCommitConsumer(String groupId, String clientId) {
        Map<String, Object> props = base();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
