package gov.budgetperf.common.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import gov.budgetperf.common.health.EventFlows;
import gov.budgetperf.common.kafka.KafkaClients;

/**
 * Publishes committed outbox events to Kafka in id order and stamps them sent. One relay at a time per database
 * (a PostgreSQL advisory lock), so several replicas never reorder events; a record is marked sent only after
 * Kafka acknowledged it with acks=all, so none is lost; a failure leaves the rest for the next round (consumers
 * drop the duplicates a retry may cause by event id). After a failed round the relay sends one event a round until
 * Kafka acknowledges again: a batch sent while the broker comes back could otherwise have a later event of a key
 * acknowledged and an earlier one expired, and the retry would publish them out of order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "outbox" in ASCII. */
    private static final long LOCK_KEY = 0x6f7574626f78L;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KafkaClients kafka;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    EventFlows flows;

    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    /** The last round failed: send one event a round until one is acknowledged. */
    private volatile boolean recovering;
    private volatile boolean running;
    private ExecutorService executor;
    private KafkaProducer<String, String> producer;
    private Timer latency;
    private EventFlows.Loop status;

    void start(@Observes StartupEvent ev) {
        latency = Timer.builder("outbox.publish.latency")
                .description("From the writing of an event in its transaction to its acknowledgement by Kafka")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("outbox.pending", pending);
        status = flows.loop("outbox-relay");
        if (!config.relayEnabled()) {
            status.stopped(true);
            return;
        }
        producer = kafka.reliableProducer(config.source().replace("/", "") + "-outbox");
        running = true;
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        executor.submit(this::loop);
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        if (status != null) {
            status.stopped(true);
        }
        wakeUp.release();
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a transaction that wrote events commits: publish now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            try {
                long wait = backoff > 0 ? backoff : config.pollInterval().toMillis();
                wakeUp.tryAcquire(wait, TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                if (!running) {
                    break;
                }
                int sent;
                do {
                    sent = relayOnce();
                } while (sent == config.batchSize() && running);
                backoff = 0;
                status.running();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                // doubled up to the maximum, with jitter: replicas that failed together do not retry together
                backoff = EventFlows.jitter(Math.min(Math.max(backoff * 2, 250), config.maxBackoff().toMillis()));
                status.restarting(e);
                LOG.warnf("Outbox relay round failed (%s); retrying in %d ms", e.getMessage(), backoff);
            }
        }
    }

    /**
     * One round: publishes up to a batch of unsent events in id order.
     *
     * @return how many were published
     */
    public int relayOnce() throws SQLException, InterruptedException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    return 0;
                }
                List<Long> ids = new ArrayList<>();
                List<Timestamp> created = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, event_id, topic, record_key, event_type, payload, created_at FROM outbox_event "
                                + "WHERE sent_at IS NULL ORDER BY id LIMIT ?")) {
                    ps.setInt(1, recovering ? 1 : config.batchSize());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString(3), rs.getString(4),
                                    rs.getString(6));
                            record.headers().add("ce_id", rs.getString(2).getBytes(StandardCharsets.UTF_8));
                            record.headers().add("ce_type", rs.getString(5).getBytes(StandardCharsets.UTF_8));
                            record.headers().add("content-type",
                                    "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                            ids.add(rs.getLong(1));
                            created.add(rs.getTimestamp(7));
                            acks.add(producer.send(record));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    pending.set(0);
                    c.commit();
                    return 0;
                }
                producer.flush();
                List<Long> delivered = new ArrayList<>();
                Exception failure = null;
                for (int i = 0; i < acks.size(); i++) {
                    try {
                        acks.get(i).get(15, TimeUnit.SECONDS);
                        delivered.add(ids.get(i));
                        latency.record(Duration.ofMillis(
                                Math.max(0, System.currentTimeMillis() - created.get(i).getTime())));
                    } catch (Exception e) {
                        // Keep order: stop at the first failure, the rest goes again next round.
                        failure = e;
                        break;
                    }
                }
                markSent(c, delivered);
                c.commit();
                pending.set(ids.size() - delivered.size());
                recovering = failure != null;
                if (failure != null) {
                    throw new IllegalStateException("Kafka did not acknowledge event " + ids.get(delivered.size())
                            + ": " + failure.getMessage(), failure);
                }
                return delivered.size();
            } catch (SQLException | RuntimeException e) {
                recovering = true;
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void markSent(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c
                .prepareStatement("UPDATE outbox_event SET sent_at = clock_timestamp() WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }

    /**
     * How many events wait and how old the oldest is, for readiness and the metrics (outbox_oldest_unsent_age_seconds):
     * measured apart from the relay's rounds, which a broker that is away keeps waiting for acknowledgements.
     */
    @Scheduled(every = "${platform.outbox.backlog-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measureBacklog() throws SQLException {
        if (status == null || !config.relayEnabled()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*), EXTRACT(EPOCH FROM clock_timestamp() - "
                        + "min(created_at)) FROM outbox_event WHERE sent_at IS NULL")) {
            ps.setQueryTimeout(2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                double age = rs.getDouble(2);
                status.backlog(rs.getLong(1), Duration.ofMillis(Math.round(Math.max(0, age) * 1000)));
            }
        }
    }

    /** Deletes events sent longer ago than the retention. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM outbox_event WHERE sent_at < now() - (? * interval '1 second')")) {
            ps.setLong(1, config.retention().toSeconds());
            int n = ps.executeUpdate();
            if (n > 0) {
                LOG.infof("Purged %d sent outbox events", n);
            }
        }
    }
}
