package gov.budgetperf.common.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import gov.budgetperf.common.health.EventFlows;
import gov.budgetperf.common.kafka.KafkaClients;
import gov.budgetperf.common.problem.DatabaseFailure;

/**
 * A supervised Kafka poll loop on its own thread, with a clean shutdown. Each record is handed to a handler that
 * applies it in its own transaction (recording the event id in the {@link Inbox}); offsets are committed after the
 * batch. A record the handler cannot process goes to the dead-letter topic with the reason in headers, and
 * consumption goes on. Any other failure — a transient one (the database away), a dead letter that cannot be sent,
 * an unexpected error — ends the round without committing: the loop closes its clients, waits (exponential backoff
 * with jitter) and starts again where the committed offsets are, so the records of the failed batch come again and
 * the inbox drops the ones already applied. Its state, lag and restarts are reported to {@link EventFlows}.
 */
public final class EventConsumerLoop {

    private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);

    /** Applies one record; throws to send it to the dead-letter topic. */
    @FunctionalInterface
    public interface Handler {
        void handle(ConsumerRecord<String, String> record) throws Exception;
    }

    private final KafkaClients clients;
    private final EventFlows.Loop status;
    private final EventFlows flows;
    private final Duration lagInterval;
    private final String groupId;
    private final String topic;
    private final String deadLetterTopic;
    private final Handler handler;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private ExecutorService executor;

    public EventConsumerLoop(KafkaClients clients, EventFlows flows, Duration lagInterval, String groupId, String topic,
            String deadLetterTopic, Handler handler) {
        this.clients = clients;
        this.flows = flows;
        this.status = flows.loop("consumer:" + topic);
        this.lagInterval = lagInterval;
        this.groupId = groupId;
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
        this.handler = handler;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        status.starting();
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "consumer-" + topic);
            t.setDaemon(true);
            return t;
        });
        executor.submit(this::supervise);
    }

    /** Stops polling, lets the record in hand finish, closes the clients; waits up to 15 s. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUp.release();
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs rounds until stopped; a round that fails is followed, after a pause, by a new one. */
    private void supervise() {
        Duration backoff = Duration.ZERO;
        try {
            while (running) {
                try {
                    round();
                    backoff = Duration.ZERO;
                } catch (WakeupException e) {
                    // stop() woke the consumer
                } catch (Throwable e) {
                    if (!running) {
                        break;
                    }
                    backoff = flows.nextBackoff(backoff);
                    status.restarting(e);
                    LOG.errorf(e, "Consumer of %s failed; starting it again in %d ms", topic, backoff.toMillis());
                    try {
                        wakeUp.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        } finally {
            status.stopped(!running);
            if (running) {
                LOG.errorf("Consumer of %s ended although it should run", topic);
            }
        }
    }

    /** One life of the clients: subscribe, poll and apply until stopped or until something fails. */
    private void round() throws Exception {
        try (KafkaProducer<String, String> deadLetters = clients.reliableProducer(groupId + "-dlq");
                KafkaConsumer<String, String> c = clients.manualCommitConsumer(groupId, groupId + "-" + topic)) {
            consumer = c;
            if (!running) {
                return;
            }
            c.subscribe(List.of(topic));
            long nextLag = 0;
            while (running) {
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                status.running();
                for (ConsumerRecord<String, String> record : records) {
                    process(record, deadLetters);
                }
                if (!records.isEmpty()) {
                    c.commitSync();
                }
                if (System.nanoTime() - nextLag >= 0) {
                    measureLag(c);
                    nextLag = System.nanoTime() + lagInterval.toNanos();
                }
            }
        } finally {
            consumer = null;
        }
    }

    /** Records between the consumer's position and the end of each assigned partition; kept as is when unknown. */
    private void measureLag(KafkaConsumer<String, String> c) {
        try {
            Set<TopicPartition> assigned = c.assignment();
            if (assigned.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> ends = c.endOffsets(assigned, Duration.ofSeconds(2));
            long lag = 0;
            for (TopicPartition tp : assigned) {
                lag += Math.max(0, ends.getOrDefault(tp, 0L) - c.position(tp, Duration.ofSeconds(2)));
            }
            status.lag(lag);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            LOG.debugf("Lag of %s not measured: %s", topic, e.getMessage());
        }
    }

    private void process(ConsumerRecord<String, String> record, KafkaProducer<String, String> deadLetters)
            throws Exception {
        int attempts = 0;
        while (true) {
            try {
                handler.handle(record);
                return;
            } catch (PoisonException e) {
                deadLetter(record, e, deadLetters);
                return;
            } catch (Exception e) {
                if (DatabaseFailure.isTransient(e)) {
                    // the database (or another dependency) is away: not the record's fault, never a dead letter;
                    // the round ends uncommitted and the record comes again after the restart
                    throw e;
                }
                // a failure of this record (an optimistic lock, a bug) is retried a few times before giving up
                if (++attempts >= 3) {
                    deadLetter(record, e, deadLetters);
                    return;
                }
                LOG.debugf("Retrying %s-%d@%d after %s", record.topic(), record.partition(), record.offset(), e);
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, Exception reason,
            KafkaProducer<String, String> deadLetters) {
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
            // Without a dead letter the record must not be skipped: the round ends, redelivery follows the restart.
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
