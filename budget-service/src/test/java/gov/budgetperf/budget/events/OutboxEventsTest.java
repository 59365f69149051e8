package gov.budgetperf.budget.events;

import static gov.budgetperf.budget.Fixtures.alloc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.budget.Fixtures;

/**
 * Every change of a budget figure reaches budget.events as a CloudEvent carrying the new metrics and version; the
 * events match the documented examples that consumers test against.
 */
@QuarkusTest
class OutboxEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void changesArriveAsCloudEventsMatchingTheDocumentedExamples() throws Exception {
        String code = Fixtures.uniqueCode("EVT");
        Fixtures.department(code, "事件测试", "测试区");
        Fixtures.budget(code, 2022, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "1000.00")));
        Fixtures.expenditure(code, 2022, "2022-03-01", "250.00", "PERSONNEL", null);
        Fixtures.adjustment(code, 2022, "2022-04-01", "ADDITION", "250.00", "PERSONNEL");

        List<JsonNode> events = new ArrayList<>();
        try (EventsConsumer consumer = new EventsConsumer()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                // the department's own event (key: code) first, then its budget's (key: code:2022) in order
                List<ConsumerRecord<String, String>> records = new ArrayList<>(consumer.poll(k -> k.equals(code)));
                records.addAll(consumer.poll(k -> k.equals(code + ":2022")));
                assertThat(records).hasSize(4);
                events.clear();
                for (var r : records) {
                    events.add(JSON.readTree(r.value()));
                }
            });
        }
        assertThat(events.get(0).get("type").asText()).isEqualTo(BudgetEvents.DEPARTMENT_CHANGED);
        JsonNode last = events.get(3);
        assertThat(last.get("specversion").asText()).isEqualTo("1.0");
        assertThat(last.get("source").asText()).isEqualTo("/budget-service");
        assertThat(last.get("type").asText()).isEqualTo(BudgetEvents.BUDGET_CHANGED);
        assertThat(last.get("subject").asText()).isEqualTo("departments/" + code + "/budgets/2022");
        assertThat(last.get("id").asText()).isNotBlank();
        assertThat(last.get("time").asText()).isNotBlank();
        JsonNode data = last.get("data");
        assertThat(data.get("cause").asText()).isEqualTo("ADJUSTMENT_ADDED");
        assertThat(data.get("version").asLong()).isEqualTo(3);
        assertThat(data.get("metrics").get("adjustedBudget").decimalValue()).isEqualByComparingTo("1250.00");
        assertThat(data.get("metrics").get("executionRate").get("percent").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(events.get(1).get("data").get("version").asLong()).isEqualTo(1);
        assertThat(events.get(2).get("data").get("version").asLong()).isEqualTo(2);

        // The documented example of each type has exactly the shape of a real event.
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/events/budget-events.asyncapi.json")) {
            doc = JSON.readTree(in);
        }
        for (JsonNode real : List.of(events.get(0), last)) {
            String type = real.get("type").asText();
            JsonNode example = null;
            for (JsonNode message : doc.get("components").get("messages")) {
                if (message.get("name").asText().equals(type)) {
                    example = message.get("examples").get(0).get("payload");
                }
            }
            assertThat(example).as("documented example of " + type).isNotNull();
            assertThat(paths(example, "", 3)).as("fields of " + type + "; real event: " + real)
                    .isEqualTo(paths(real, "", 3));
        }
    }

    /** The field paths of a JSON tree down to a depth (envelope, data, data.metrics). */
    static Set<String> paths(JsonNode node, String prefix, int depth) {
        Set<String> out = new TreeSet<>();
        if (node.isObject() && depth > 0) {
            node.fields().forEachRemaining(e -> {
                out.add(prefix + e.getKey());
                out.addAll(paths(e.getValue(), prefix + e.getKey() + ".", depth - 1));
            });
        }
        return out;
    }
}
