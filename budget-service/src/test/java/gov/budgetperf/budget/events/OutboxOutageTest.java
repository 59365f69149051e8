package gov.budgetperf.budget.events;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.DedicatedKafkaResource;

/** Kafka down while budgets change: once it is back, every event arrives exactly once, in order per key. */
@QuarkusTest
@TestProfile(OutboxOutageTest.OwnBroker.class)
class OutboxOutageTest {

    /** This test stops its broker, so it gets one of its own. */
    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DedicatedKafkaResource.class));
        }
    }

    private static String management() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArriveOnceEachInOrder() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String[] codes = {Fixtures.uniqueCode("OUT-A"), Fixtures.uniqueCode("OUT-B"), Fixtures.uniqueCode("OUT-C")};
        for (String code : codes) {
            Fixtures.department(code, "断连测试", "测试区");
            Fixtures.budget(code, 2022, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "1000.00")));
        }
        try (EventsConsumer consumer = new EventsConsumer()) {
            // everything so far is published
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> consumer.poll(k -> k.startsWith("OUT-")).size() >= 6);

            DedicatedKafkaResource.broker().stop();
            // three budgets change while Kafka is down (the first one twice)
            Fixtures.expenditure(codes[0], 2022, "2022-02-01", "100.00", "PERSONNEL", null);
            Fixtures.expenditure(codes[1], 2022, "2022-02-01", "200.00", "PERSONNEL", null);
            Fixtures.expenditure(codes[2], 2022, "2022-02-01", "300.00", "PERSONNEL", null);
            Fixtures.expenditure(codes[0], 2022, "2022-03-01", "400.00", "PERSONNEL", null);
            // meanwhile the service is ready (it takes writes: the outbox holds them), readiness answers at once
            // and shows the relay failing and the backlog
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                long t0 = System.nanoTime();
                JsonPath ready = given().when().get(management() + "/q/health/ready").then().statusCode(200).extract()
                        .jsonPath();
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
                assertThat(ready.getString("checks.find { it.name == 'event-flow' }.data.'outbox-relay'"))
                        .containsPattern("backlog [1-9]");
            });
            DedicatedKafkaResource.broker().start();

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> changed = consumer
                        .poll(k -> k.endsWith(":2022") && (k.startsWith(codes[0]) || k.startsWith(codes[1])
                                || k.startsWith(codes[2])));
                // budget created (v1) + the changes made while Kafka was down
                assertThat(changed).hasSize(3 + 4);
            });
            // let any late duplicate show up before checking there is none
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
            List<ConsumerRecord<String, String>> all = consumer.poll(k -> k.endsWith(":2022")
                    && (k.startsWith(codes[0]) || k.startsWith(codes[1]) || k.startsWith(codes[2])));
            Set<String> ids = new HashSet<>();
            Map<String, Long> lastVersion = new HashMap<>();
            Map<String, Integer> perKey = new HashMap<>();
            for (ConsumerRecord<String, String> r : all) {
                JsonNode e = json.readTree(r.value());
                assertThat(ids.add(e.get("id").asText())).as("event %s delivered once", e.get("id")).isTrue();
                long version = e.get("data").get("version").asLong();
                Long previous = lastVersion.put(r.key(), version);
                if (previous != null) {
                    assertThat(version).as("order of " + r.key()).isGreaterThan(previous);
                }
                perKey.merge(r.key(), 1, Integer::sum);
            }
            assertThat(perKey).containsEntry(codes[0] + ":2022", 3).containsEntry(codes[1] + ":2022", 2)
                    .containsEntry(codes[2] + ":2022", 2);
            assertThat(lastVersion).containsEntry(codes[0] + ":2022", 3L);
        }
    }
}
