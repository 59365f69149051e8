package gov.budgetperf.common.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import gov.budgetperf.common.kafka.KafkaClients;

/**
 * A Kafka poll loop on its own thread with a clean shutdown. Each record is handed to a handler that applies it in
 * its own transaction (recording the event id in the {@link Inbox}); offsets are committed after the batch. A record
 * the handler cannot process goes to the dead-letter topic with the reason in headers, and consumption goes on.
 */
public final class EventConsumerLoop {

    private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);

    /** Applies one record; throws to send it to the dead-letter topic. */
    @FunctionalInterface
    public interface Handler {
        void handle(ConsumerRecord<String, String> record) throws Exception;
    }

    private final KafkaClients clients;
    private final String groupId;
    private final String topic;
    private final String deadLetterTopic;
    private final Handler handler;
    private volatile boolean running;
    private KafkaConsumer<String, String> consumer;
    private KafkaProducer<String, String> deadLetters;
    private ExecutorService executor;

    public EventConsumerLoop(KafkaClients clients, String groupId, String topic, String deadLetterTopic,
            Handler handler) {
        this.clients = clients;
        this.groupId = groupId;
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
        this.handler = handler;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        consumer = clients.manualCommitConsumer(groupId, groupId + "-" + topic);
        deadLetters = clients.reliableProducer(groupId + "-dlq");
        running = true;
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "consumer-" + topic);
            t.setDaemon(true);
            return t;
        });
        executor.submit(this::loop);
    }

    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        executor.shutdown();
        try {
            executor.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close(Duration.ofSeconds(5));
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : records) {
                    process(record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // shutdown
        } catch (RuntimeException e) {
            LOG.errorf(e, "Consumer of %s stopped", topic);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("closing consumer", e);
            }
        }
    }

    private void process(ConsumerRecord<String, String> record) {
        int attempts = 0;
        while (true) {
            try {
                handler.handle(record);
                return;
            } catch (PoisonException e) {
                deadLetter(record, e);
                return;
            } catch (Exception e) {
                // a transient failure (database busy, optimistic lock) is retried a few times before giving up
                if (++attempts >= 3) {
                    deadLetter(record, e);
                    return;
                }
                LOG.debugf("Retrying %s-%d@%d after %s", record.topic(), record.partition(), record.offset(), e);
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, Exception reason) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason.getMessage());
        ProducerRecord<String, String> dead = new ProducerRecord<>(deadLetterTopic, record.key(), record.value());
        record.headers().forEach(h -> dead.headers().add(h));
        dead.headers().add("dlq_reason", String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dlq_exception", reason.getClass().getName().getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dlq_source", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dlq_consumer", groupId.getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(dead).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Without a dead letter the record must not be skipped: stop here, redelivery follows the restart.
            throw new IllegalStateException("Cannot dead-letter " + record.topic() + "@" + record.offset(), e);
        }
    }

    /** Thrown by a handler for a record that can never be processed (malformed, unknown shape). */
    /**
     * Reads a record as a CloudEvent (a tolerant reader: only {@code id} and {@code type} are required here).
     *
     * @throws PoisonException when it is not JSON or not a CloudEvent, so that it goes to the dead-letter topic
     */
    public static com.fasterxml.jackson.databind.JsonNode cloudEvent(com.fasterxml.jackson.databind.ObjectMapper mapper,
            ConsumerRecord<String, String> record) throws PoisonException {
        com.fasterxml.jackson.databind.JsonNode event;
        try {
            event = mapper.readTree(record.value());
        } catch (Exception e) {
            throw new PoisonException("not JSON: " + e.getMessage(), e);
        }
        if (event == null || !event.hasNonNull("id") || !event.hasNonNull("type")) {
            throw new PoisonException("not a CloudEvent: id and type are required");
        }
        return event;
    }

    public static class PoisonException extends Exception {
        public PoisonException(String message) {
            super(message);
        }

        public PoisonException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
