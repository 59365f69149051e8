package gov.budgetperf.evaluation.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.common.testing.Tokens;

/** Changes and workflow steps reach evaluation.events, shaped like the documented examples; departments stay apart. */
@QuarkusTest
class EvaluationEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scoredAndSubmittedEventsMatchTheDocumentation() throws Exception {
        String dept = "EV-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Tokens.department(dept);
        long id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", dept, "fiscalYear", 2022, "ruleSetCode",
                        "GZ-DEPT-COMMON"))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
        // another department can neither read nor change it
        given().auth().oauth2(Tokens.department("OTHER-" + dept)).when().get("/api/v1/evaluations/{id}", id).then()
                .statusCode(403);
        String etag = given().auth().oauth2(token).when().get("/api/v1/evaluations/{id}", id).then().extract()
                .header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("yes", true))
                .when().put("/api/v1/evaluations/{id}/indicators/GL11", id).then().statusCode(200);
        // a stale If-Match is refused
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("yes", true))
                .when().put("/api/v1/evaluations/{id}/indicators/GL21", id).then().statusCode(412);

        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(EvaluationEvents.TOPIC));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    // the key is the evaluation id; the department tells this run's evaluation from an earlier one
                    if (!Long.toString(id).equals(r.key())) {
                        continue;
                    }
                    JsonNode e = JSON.readTree(r.value());
                    if (dept.equals(e.path("data").path("departmentCode").asText())) {
                        events.add(e);
                    }
                }
                assertThat(events).isNotEmpty();
            });
        }
        JsonNode scored = events.get(0);
        assertThat(scored.get("type").asText()).isEqualTo(EvaluationEvents.SCORED);
        assertThat(scored.get("source").asText()).isEqualTo("/evaluation-service");
        assertThat(scored.get("data").get("evaluationId").asLong()).isEqualTo(id);
        assertThat(scored.get("data").get("departmentCode").asText()).isEqualTo(dept);

        JsonNode doc;
        try (InputStream in = getClass()
                .getResourceAsStream("/META-INF/resources/events/evaluation-events.asyncapi.json")) {
            doc = JSON.readTree(in);
        }
        JsonNode example = null;
        for (JsonNode m : doc.get("components").get("messages")) {
            if (m.get("name").asText().equals(EvaluationEvents.SCORED)) {
                example = m.get("examples").get(0).get("payload");
            }
        }
        assertThat(example).isNotNull();
        assertThat(fields(example)).as("documented fields; real event " + scored).isEqualTo(fields(scored));
    }

    private static Set<String> fields(JsonNode event) {
        Set<String> out = new TreeSet<>();
        event.fieldNames().forEachRemaining(out::add);
        event.get("data").fieldNames().forEachRemaining(f -> out.add("data." + f));
        return out;
    }
}
