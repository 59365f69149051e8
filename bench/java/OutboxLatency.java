import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Commit-to-Kafka latency of the transactional outbox, seen by a consumer.
 *
 * <pre>
 *   java -cp 'infra/kafka-broker/target/lib/*' OutboxLatency.java BOOTSTRAP TOPIC KEY_PREFIX EXPECTED IDLE_TIMEOUT_S [FIRST_TIMEOUT_S]
 * </pre>
 *
 * Assigns every partition of TOPIC at its end (no group, nothing committed), prints READY, then reads the records
 * whose key starts with KEY_PREFIX until EXPECTED of them arrived, or none came for IDLE_TIMEOUT_S seconds after the
 * first one, or the first did not come within FIRST_TIMEOUT_S (default 900) seconds. For
 * each it compares the CloudEvent's {@code time} (set when the outbox row was written, inside the business
 * transaction) with (a) the record's timestamp (CreateTime: when the relay handed it to its producer) and (b) the
 * moment this consumer received it. Prints percentiles (ms) of both as key=value lines.
 */
public class OutboxLatency {

    private static final Pattern TIME = Pattern.compile("\"time\"\\s*:\\s*(\"([^\"]+)\"|([0-9.]+))");

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 6) {
            System.err.println("usage: OutboxLatency BOOTSTRAP TOPIC KEY_PREFIX EXPECTED IDLE_TIMEOUT_S [FIRST_TIMEOUT_S]");
            System.exit(2);
        }
        String bootstrap = args[0];
        String topic = args[1];
        String prefix = args[2];
        int expected = Integer.parseInt(args[3]);
        long idleMs = Long.parseLong(args[4]) * 1000;
        long firstMs = (args.length > 5 ? Long.parseLong(args[5]) : 900) * 1000;

        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-outbox-latency");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);

        List<Double> viaTimestamp = new ArrayList<>();
        List<Double> viaArrival = new ArrayList<>();
        int other = 0;
        int unparsable = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 60_000;
            while (parts.isEmpty()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
                }
                if (parts.isEmpty()) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("topic " + topic + " has no partitions");
                    }
                    Thread.sleep(500);
                }
            }
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            for (TopicPartition tp : parts) {
                consumer.position(tp, Duration.ofSeconds(30)); // resolve the end offsets now, before READY
            }
            System.out.println("READY partitions=" + parts.size());
            System.out.flush();

            long ready = System.currentTimeMillis();
            long lastRecord = 0;
            while (viaArrival.size() < expected && (lastRecord == 0
                    ? System.currentTimeMillis() - ready < firstMs
                    : System.currentTimeMillis() - lastRecord < idleMs)) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
                Instant arrived = Instant.now();
                for (ConsumerRecord<String, String> r : records) {
                    lastRecord = System.currentTimeMillis();
                    if (r.key() == null || !r.key().startsWith(prefix)) {
                        other++;
                        continue;
                    }
                    Instant time = eventTime(r.value());
                    if (time == null) {
                        unparsable++;
                        continue;
                    }
                    viaTimestamp.add(millisBetween(time, Instant.ofEpochMilli(r.timestamp())));
                    viaArrival.add(millisBetween(time, arrived));
                }
            }
        }
        System.out.printf(Locale.ROOT, "received=%d expected=%d other_keys=%d unparsable=%d%n", viaArrival.size(),
                expected, other, unparsable);
        print("arrival", viaArrival);
        print("record_timestamp", viaTimestamp);
        System.exit(viaArrival.size() == expected ? 0 : 1);
    }

    static Instant eventTime(String json) {
        Matcher m = TIME.matcher(json);
        if (!m.find()) {
            return null;
        }
        if (m.group(2) != null) {
            return OffsetDateTime.parse(m.group(2)).toInstant();
        }
        // Jackson with WRITE_DATES_AS_TIMESTAMPS: seconds.nanos
        double s = Double.parseDouble(m.group(3));
        return Instant.ofEpochSecond((long) s, Math.round((s - Math.floor(s)) * 1e9));
    }

    static double millisBetween(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 1e6;
    }

    static void print(String name, List<Double> values) {
        if (values.isEmpty()) {
            System.out.println(name + ": none");
            return;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: n=%d min=%.1f p50=%.1f p90=%.1f p99=%.1f max=%.1f mean=%.1f%n", name,
                v.length, v[0], pct(v, 0.50), pct(v, 0.90), pct(v, 0.99), v[v.length - 1],
                Arrays.stream(v).average().orElse(0));
    }

    static double pct(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
