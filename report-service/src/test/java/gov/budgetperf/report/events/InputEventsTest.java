package gov.budgetperf.report.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.common.testing.DeadLetters;

/**
 * The consumer reads the producers' documented examples (their AsyncAPI documents, no shared classes), applies each
 * event once, and sends what it cannot read to the dead-letter topic over the real broker.
 */
@QuarkusTest
class InputEventsTest {

    private static final List<Path> DOCUMENTED = List.of(
            Path.of("..", "budget-service", "src", "main", "resources", "META-INF", "resources", "events",
                    "budget-events.asyncapi.json"),
            Path.of("..", "evaluation-service", "src", "main", "resources", "META-INF", "resources", "events",
                    "evaluation-events.asyncapi.json"));

    @Inject
    InputEventsConsumer consumer;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    private List<JsonNode> examples() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (Path p : DOCUMENTED) {
            for (JsonNode message : mapper.readTree(Files.readString(p)).path("components").path("messages")) {
                for (JsonNode example : message.path("examples")) {
                    out.add(example.get("payload"));
                }
            }
        }
        return out;
    }

    private long knownVersion(String kind, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COALESCE(MAX(version), -1) FROM input_version WHERE kind = ?1 AND input_key = ?2")
                .setParameter(1, kind).setParameter(2, key).getSingleResult()).longValue());
    }

    @Test
    void readsEveryDocumentedExampleOfBothProducers() throws Exception {
        List<JsonNode> examples = examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(8); // 3 budget + 5 evaluation types
        for (JsonNode example : examples) {
            // a fresh id: the documented ids may have been applied by an earlier run against this database
            ((com.fasterxml.jackson.databind.node.ObjectNode) example).put("id", UUID.randomUUID().toString());
            String value = mapper.writeValueAsString(example);
            assertThatCode(() -> consumer.handle(new ConsumerRecord<>("budget.events", 0, 0, "k", value)))
                    .as(example.path("type").asText()).doesNotThrowAnyException();
        }
        assertThat(knownVersion("BUDGET", "GZ-TH-GSL:2022")).isGreaterThanOrEqualTo(7);
        assertThat(knownVersion("EVALUATION", "42")).isGreaterThanOrEqualTo(37);
        assertThat(knownVersion("DEPARTMENT", "GZ-TH-GSL")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void anEventIsAppliedOnce() throws Exception {
        String key = "ONCE-" + UUID.randomUUID().toString().substring(0, 8);
        String event = mapper.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "type",
                "gov.budgetperf.budget.department-budget.changed", "source", "/budget-service", "data",
                Map.of("departmentCode", key, "fiscalYear", 2022, "version", 5, "metrics", Map.of())));
        consumer.handle(new ConsumerRecord<>("budget.events", 0, 0, key, event));
        consumer.handle(new ConsumerRecord<>("budget.events", 0, 1, key, event));
        long inbox = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM inbox_event WHERE event_id = ?1")
                .setParameter(1, mapper.readTree(event).get("id").asText()).getSingleResult()).longValue());
        assertThat(inbox).isEqualTo(1);
        assertThat(knownVersion("BUDGET", key + ":2022")).isEqualTo(5);
    }

    @Test
    void unreadableEventsGoToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String key = "POISON-" + UUID.randomUUID().toString().substring(0, 8);
        String good = "GOOD-" + UUID.randomUUID().toString().substring(0, 8);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(), ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()));
                DeadLetters dlq = new DeadLetters("report.events.dlq")) {
            producer.send(new ProducerRecord<>("budget.events", key, "{not json")).get();
            producer.send(new ProducerRecord<>("evaluation.events", key, mapper.writeValueAsString(Map.of("id",
                    UUID.randomUUID().toString(), "type", "gov.budgetperf.evaluation.scored", "data", Map.of()))))
                    .get();
            producer.send(new ProducerRecord<>("budget.events", good, mapper.writeValueAsString(Map.of("id",
                    UUID.randomUUID().toString(), "type", "gov.budgetperf.budget.department-budget.changed", "data",
                    Map.of("departmentCode", good, "fiscalYear", 2022, "version", 3))))).get();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dlq.reasonsFor(key))
                    .anyMatch(r -> r.contains("not JSON")).anyMatch(r -> r.contains("evaluationId")));
            await().atMost(Duration.ofSeconds(30)).until(() -> knownVersion("BUDGET", good + ":2022") == 3);
        }
    }
}
