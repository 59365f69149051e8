import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Small Kafka admin/produce/consume helper for the local scripts, run with the JDK's
 * single-file source launcher against the broker jars (no build step):
 *
 * <pre>
 * java -cp 'infra/kafka-broker/target/lib/*' scripts/KafkaTool.java COMMAND BOOTSTRAP ARGS...
 *
 *   ready          BOOTSTRAP [timeout-seconds]            wait until the cluster answers
 *   create-topics  BOOTSTRAP PARTITIONS TOPIC...          create missing topics (if-not-exists)
 *   list-topics    BOOTSTRAP                              one topic per line
 *   produce        BOOTSTRAP TOPIC KEY VALUE              send one record (acks=all, idempotent)
 *   consume        BOOTSTRAP TOPIC [max] [timeout-sec]    print KEY\tVALUE from the beginning
 * </pre>
 *
 * Why not kafka-topics / kafka-console-*: those live in org.apache.kafka:kafka-tools, which
 * kafka_2.13 does not depend on, so they are not in infra/kafka-broker/target/lib.
 */
public class KafkaTool {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        String command = args[0];
        String bootstrap = args[1];
        List<String> rest = Arrays.asList(args).subList(2, args.length);
        switch (command) {
            case "ready" -> ready(bootstrap, rest.isEmpty() ? 60 : Integer.parseInt(rest.get(0)));
            case "create-topics" -> {
                if (rest.size() < 2) {
                    usage();
                }
                createTopics(bootstrap, Integer.parseInt(rest.get(0)), rest.subList(1, rest.size()));
            }
            case "list-topics" -> listTopics(bootstrap);
            case "produce" -> {
                if (rest.size() != 3) {
                    usage();
                }
                produce(bootstrap, rest.get(0), rest.get(1), rest.get(2));
            }
            case "consume" -> {
                if (rest.isEmpty()) {
                    usage();
                }
                consume(bootstrap, rest.get(0), rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 1,
                        rest.size() > 2 ? Integer.parseInt(rest.get(2)) : 30);
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: KafkaTool ready|create-topics|list-topics|produce|consume BOOTSTRAP ARGS...");
        System.exit(2);
    }

    private static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        return Admin.create(props);
    }

    private static void ready(String bootstrap, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (Admin admin = admin(bootstrap)) {
            while (true) {
                try {
                    int nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                    if (nodes > 0) {
                        System.out.println("ready: " + nodes + " broker(s) at " + bootstrap);
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    // not ready yet
                }
                if (System.nanoTime() > deadline) {
                    System.err.println("Kafka at " + bootstrap + " not ready after " + timeoutSeconds + " s");
                    System.exit(1);
                }
                Thread.sleep(500);
            }
        }
    }

    private static void createTopics(String bootstrap, int partitions, List<String> topics) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (existing.contains(topic)) {
                    System.out.println("exists:  " + topic);
                } else {
                    missing.add(new NewTopic(topic, partitions, (short) 1));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            var result = admin.createTopics(missing);
            for (NewTopic topic : missing) {
                try {
                    result.values().get(topic.name()).get();
                    System.out.println("created: " + topic.name() + " (" + partitions + " partitions)");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        System.out.println("exists:  " + topic.name());
                    } else {
                        throw e;
                    }
                }
            }
        }
    }

    private static void listTopics(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            admin.listTopics().names().get().stream().sorted().forEach(System.out::println);
        }
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            RecordMetadata md = producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
            System.out.println("sent: " + md.topic() + "-" + md.partition() + "@" + md.offset());
        }
    }

    private static void consume(String bootstrap, String topic, int max, int timeoutSeconds) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-tool-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        int seen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (seen < max && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(500))) {
                    System.out.println(rec.key() + "\t" + rec.value());
                    if (++seen >= max) {
                        break;
                    }
                }
            }
        }
        if (seen < max) {
            System.err.println("consumed " + seen + " of " + max + " record(s) from " + topic + " in " + timeoutSeconds + " s");
            System.exit(1);
        }
    }
}
