import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Budget event to rescored evaluation, as a client of evaluation-service sees it.
 *
 * <pre>
 *   java -cp CP EvaluationLatency.java reset-group BOOTSTRAP TOPIC GROUP
 *   java -cp CP EvaluationLatency.java wait-group  BOOTSTRAP TOPIC GROUP TIMEOUT_S
 *   BENCH_TOKEN=... java -cp CP EvaluationLatency.java run BOOTSTRAP TOPIC BASE_URL ASYNCAPI_JSON DEPARTMENT YEAR
 *        EVALUATION_ID EVENTS RATIO_BASE OUT_CSV [POLL_MS=5] [TIMEOUT_S=30]
 *   java -cp CP EvaluationLatency.java send BOOTSTRAP TOPIC ASYNCAPI_JSON DEPARTMENT YEAR VERSION RATIO
 * </pre>
 *
 * reset-group: commits the end of every partition of TOPIC for GROUP (which must have no member), so a service
 * started in that group reads only what is produced from then on. wait-group: until GROUP's members are assigned
 * every partition of TOPIC.
 * <p>
 * run: EVENTS times, one after another: produces a {@code gov.budgetperf.budget.department-budget.changed} CloudEvent
 * shaped like the example of budget-events.asyncapi.json (fresh id and time, data.departmentCode DEPARTMENT,
 * data.fiscalYear YEAR, data.version i+1, data.metrics.executionRate.ratio = RATIO_BASE + i/2000 written with 12
 * decimals; key DEPARTMENT:YEAR; acks=all), then polls GET /api/v1/evaluations/EVALUATION_ID (java.net.http, one
 * connection, POLL_MS between polls) until indicator LZ13's actual equals the new rate in percent as shown (ratio × 100, half-up to 2 decimals). Latency = from
 * just before send() to the end of the first response showing it. Prints percentiles (exact, all values kept) and
 * writes one CSV line per event.
 * <p>
 * send: one such event with the given data.version and ratio (written as given), acknowledged.
 */
public class EvaluationLatency {

    static final String TYPE = "gov.budgetperf.budget.department-budget.changed";
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            usage();
        }
        switch (args[0]) {
            case "reset-group" -> {
                if (args.length != 4) {
                    usage();
                }
                resetGroup(args[1], args[2], args[3]);
            }
            case "wait-group" -> {
                if (args.length != 5) {
                    usage();
                }
                waitGroup(args[1], args[2], args[3], Integer.parseInt(args[4]));
            }
            case "run" -> {
                if (args.length < 11 || args.length > 13) {
                    usage();
                }
                run(args);
            }
            case "send" -> {
                if (args.length != 8) {
                    usage();
                }
                send(args);
            }
            default -> usage();
        }
    }

    static void send(String[] a) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, a[1]);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String id = UUID.randomUUID().toString();
        String value = event(example(Path.of(a[3])), id, a[4], Integer.parseInt(a[5]), Long.parseLong(a[6]),
                new BigDecimal(a[7]));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> rec = new ProducerRecord<>(a[2], a[4] + ":" + a[5], value);
            rec.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
            rec.headers().add("ce_type", TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(rec).get();
        }
        System.out.println("sent " + id + " version " + a[6] + " ratio " + a[7]);
    }

    static void usage() {
        System.err.println("usage: EvaluationLatency reset-group BOOTSTRAP TOPIC GROUP | wait-group BOOTSTRAP TOPIC GROUP TIMEOUT_S"
                + " | run BOOTSTRAP TOPIC BASE_URL ASYNCAPI_JSON DEPARTMENT YEAR EVALUATION_ID EVENTS RATIO_BASE OUT_CSV"
                + " [POLL_MS] [TIMEOUT_S]   (token in BENCH_TOKEN) | send BOOTSTRAP TOPIC ASYNCAPI_JSON DEPARTMENT YEAR VERSION RATIO");
        System.exit(2);
    }

    static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "bench-evaluation-latency-admin");
        return Admin.create(p);
    }

    static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    static void resetGroup(String bootstrap, String topic, String group) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            List<TopicPartition> parts = partitions(admin, topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            parts.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
            long deadline = System.currentTimeMillis() + 90_000;
            while (true) {
                try {
                    admin.alterConsumerGroupOffsets(group, offsets).all().get();
                    break;
                } catch (Exception e) {
                    // a member of an earlier run may still be in the group until its session times out
                    if (System.currentTimeMillis() > deadline) {
                        throw e;
                    }
                    Thread.sleep(2000);
                }
            }
            System.out.println("group " + group + " at the end of " + topic + ": " + offsets.entrySet().stream()
                    .map(e -> e.getKey().partition() + "@" + e.getValue().offset()).sorted().collect(Collectors.joining(" ")));
        }
    }

    static void waitGroup(String bootstrap, String topic, String group, int timeoutS) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Set<TopicPartition> all = new HashSet<>(partitions(admin, topic));
            long deadline = System.currentTimeMillis() + timeoutS * 1000L;
            while (true) {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                Set<TopicPartition> assigned = new HashSet<>();
                Collection<MemberDescription> members = d.members();
                members.forEach(m -> assigned.addAll(m.assignment().topicPartitions()));
                if (assigned.containsAll(all)) {
                    System.out.println("group " + group + ": " + members.size() + " member(s), " + all.size()
                            + " partitions of " + topic + " assigned");
                    return;
                }
                if (System.currentTimeMillis() > deadline) {
                    System.err.println("group " + group + " not assigned every partition of " + topic + " after "
                            + timeoutS + " s (assigned: " + assigned + ")");
                    System.exit(1);
                }
                Thread.sleep(200);
            }
        }
    }

    static void run(String[] a) throws Exception {
        String bootstrap = a[1];
        String topic = a[2];
        String base = a[3].replaceAll("/$", "");
        Path asyncapi = Path.of(a[4]);
        String dept = a[5];
        int year = Integer.parseInt(a[6]);
        long evaluationId = Long.parseLong(a[7]);
        int events = Integer.parseInt(a[8]);
        BigDecimal ratioBase = new BigDecimal(a[9]);
        Path csv = Path.of(a[10]);
        long pollMs = a.length > 11 ? Long.parseLong(a[11]) : 5;
        long timeoutMs = (a.length > 12 ? Long.parseLong(a[12]) : 30) * 1000;
        String token = System.getenv("BENCH_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("BENCH_TOKEN is not set");
            System.exit(2);
        }

        ObjectNode example = example(asyncapi);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-evaluation-latency");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/v1/evaluations/" + evaluationId))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();

        List<Double> latencies = new ArrayList<>();
        List<Double> acks = new ArrayList<>();
        List<Double> gets = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        lines.add("i,version,ratio,latency_ms,ack_ms,polls,evaluation_version,visible");
        int failed = 0;
        long polls = 0;
        long firstVersion = -1;
        long lastVersion = -1;
        int staleEtag = 0; // new LZ13 actual shown, but the same evaluation version (ETag) as for the previous event
        String key = dept + ":" + year;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.partitionsFor(topic); // metadata before the first measurement
            for (int i = 0; i < events; i++) {
                BigDecimal ratio = ratioBase.add(BigDecimal.valueOf(i).divide(BigDecimal.valueOf(2000)))
                        .setScale(12, RoundingMode.UNNECESSARY);
                String id = UUID.randomUUID().toString();
                String value = event(example, id, dept, year, i + 1, ratio);
                ProducerRecord<String, String> rec = new ProducerRecord<>(topic, key, value);
                rec.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
                rec.headers().add("ce_type", TYPE.getBytes(StandardCharsets.UTF_8));
                rec.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                long t0 = System.nanoTime();
                producer.send(rec).get();
                double ackMs = (System.nanoTime() - t0) / 1e6;
                int n = 0;
                boolean visible = false;
                long version = -1;
                while (true) {
                    long g0 = System.nanoTime();
                    HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
                    long g1 = System.nanoTime();
                    gets.add((g1 - g0) / 1e6);
                    n++;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("GET evaluation " + evaluationId + ": HTTP " + r.statusCode() + " "
                                + r.body().substring(0, Math.min(300, r.body().length())));
                    }
                    JsonNode body = JSON.readTree(r.body());
                    version = body.path("version").asLong();
                    BigDecimal actual = lz13Actual(body);
                    if (actual != null && actual.compareTo(ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP)) == 0) {
                        visible = true;
                        latencies.add((g1 - t0) / 1e6);
                        break;
                    }
                    if ((g1 - t0) / 1_000_000 > timeoutMs) {
                        break;
                    }
                    Thread.sleep(pollMs);
                }
                polls += n;
                if (!visible) {
                    failed++;
                    System.err.printf(Locale.ROOT, "event %d (version %d, ratio %s) not visible after %d ms%n", i, i + 1,
                            ratio.toPlainString(), timeoutMs);
                }
                if (visible && i > 0 && version == lastVersion) {
                    staleEtag++;
                }
                if (firstVersion < 0) {
                    firstVersion = version;
                }
                lastVersion = version;
                lines.add(String.format(Locale.ROOT, "%d,%d,%s,%.3f,%.3f,%d,%d,%s", i, i + 1, ratio.toPlainString(),
                        visible ? latencies.get(latencies.size() - 1) : Double.NaN, ackMs, n, version, visible));
                acks.add(ackMs);
            }
        }
        Files.write(csv, lines);
        System.out.printf(Locale.ROOT, "events=%d visible=%d not_visible=%d polls=%d (%.1f per event) evaluation_version=%d..%d%n",
                events, latencies.size(), failed, polls, polls / (double) events, firstVersion, lastVersion);
        System.out.printf(Locale.ROOT, "new_actual_with_previous_version=%d (responses showing the event's LZ13 actual with the evaluation version of the previous event)%n",
                staleEtag);
        System.out.println("latency_ms: " + stats(latencies));
        System.out.println("ack_ms: " + stats(acks));
        System.out.println("get_ms: " + stats(gets));
        System.exit(failed == 0 ? 0 : 1);
    }

    /** The payload of the department-budget.changed example of budget-events.asyncapi.json. */
    static ObjectNode example(Path asyncapi) throws Exception {
        JsonNode doc = JSON.readTree(Files.readString(asyncapi));
        for (JsonNode ex : doc.path("components").path("messages").path("budgetChanged").path("examples")) {
            if (TYPE.equals(ex.path("payload").path("type").asText())) {
                return (ObjectNode) ex.get("payload");
            }
        }
        throw new IllegalStateException("no example of " + TYPE + " in " + asyncapi);
    }

    static String event(ObjectNode example, String id, String dept, int year, long version, BigDecimal ratio)
            throws Exception {
        ObjectNode e = example.deepCopy();
        e.put("id", id);
        e.put("time", Instant.now().toString());
        e.put("subject", "departments/" + dept + "/budgets/" + year);
        ObjectNode data = (ObjectNode) e.get("data");
        data.put("departmentCode", dept);
        data.put("departmentName", "基准部门 " + dept);
        data.put("fiscalYear", year);
        data.put("version", version);
        ObjectNode m = (ObjectNode) data.get("metrics");
        m.put("departmentCode", dept);
        m.put("fiscalYear", year);
        m.put("dataVersion", version);
        BigDecimal percent = ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
        ObjectNode rate = (ObjectNode) m.get("executionRate");
        rate.put("ratio", ratio);
        rate.put("percent", percent);
        if (m.path("timeProgress").path("executed").isObject()) {
            ((ObjectNode) m.path("timeProgress").get("executed")).put("ratio", ratio).put("percent", percent);
            ((ObjectNode) m.get("timeProgress")).put("ratio", percent);
        }
        if (data.get("projects") instanceof ArrayNode projects) {
            int k = 1;
            for (JsonNode pr : projects) {
                ((ObjectNode) pr).put("departmentCode", dept).put("fiscalYear", year).put("projectCode", dept + "-P" + k++)
                        .put("dataVersion", version);
            }
        }
        return JSON.writeValueAsString(e);
    }

    static BigDecimal lz13Actual(JsonNode evaluation) {
        for (JsonNode i : evaluation.path("indicators")) {
            if ("LZ13".equals(i.path("code").asText())) {
                JsonNode a = i.get("actual");
                return a == null || a.isNull() ? null : a.decimalValue();
            }
        }
        return null;
    }

    static String stats(List<Double> values) {
        if (values.isEmpty()) {
            return "n=0";
        }
        List<Double> v = new ArrayList<>(values);
        v.sort(Double::compare);
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return String.format(Locale.ROOT, "n=%d min=%.1f p50=%.1f p90=%.1f p99=%.1f max=%.1f mean=%.1f", v.size(), v.get(0),
                pct(v, 0.50), pct(v, 0.90), pct(v, 0.99), v.get(v.size() - 1), sum / v.size());
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(List<Double> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
