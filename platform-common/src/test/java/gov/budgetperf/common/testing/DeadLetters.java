package gov.budgetperf.common.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads a dead-letter topic of the test broker: the reasons given for the records of a key. */
public final class DeadLetters implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public DeadLetters(String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
    }

    public List<String> reasonsFor(String key) {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<String, String> r : seen) {
            Header h = r.headers().lastHeader("dlq_reason");
            if (key.equals(r.key()) && h != null) {
                reasons.add(new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return reasons;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
