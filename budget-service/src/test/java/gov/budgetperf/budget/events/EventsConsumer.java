package gov.budgetperf.budget.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads budget.events from the beginning, as a fresh consumer group, keeping the records a test cares about. */
final class EventsConsumer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    EventsConsumer() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(BudgetEvents.TOPIC));
    }

    /** Polls once more and returns every record so far whose key matches. */
    List<ConsumerRecord<String, String>> poll(Predicate<String> key) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
            seen.add(r);
        }
        return seen.stream().filter(r -> r.key() != null && key.test(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
