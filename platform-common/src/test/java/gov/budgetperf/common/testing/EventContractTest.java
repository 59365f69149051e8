package gov.budgetperf.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The event checker fires: a payload that breaks its message's schema, or an undocumented type, is reported. */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DOC = """
            {
              "asyncapi": "3.0.0",
              "info": {"title": "t", "version": "1"},
              "channels": {"things.events": {"address": "things.events",
                "messages": {"thingChanged": {"$ref": "#/components/messages/thingChanged"}}}},
              "operations": {"publish": {"action": "send", "channel": {"$ref": "#/channels/things.events"}},
                "consume": {"action": "receive", "channel": {"$ref": "#/channels/things.events"}}},
              "components": {
                "schemas": {"Thing": {"type": "object", "required": ["code", "version"],
                  "properties": {"code": {"type": "string"}, "version": {"type": "integer", "minimum": 0},
                    "parentCode": {"type": ["string", "null"]}}}},
                "messages": {"thingChanged": {"name": "example.thing.changed", "payload": {
                  "type": "object", "required": ["id", "type", "data"],
                  "properties": {"id": {"type": "string", "format": "uuid"}, "type": {"const": "example.thing.changed"},
                    "time": {"type": "string", "format": "date-time"},
                    "data": {"$ref": "#/components/schemas/Thing"}}}}}
              }
            }
            """;

    private static ObjectNode event() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"id": "0b6f8f7e-6a55-4b83-9d0e-3b8b7d1b2a01", "type": "example.thing.changed",
                 "time": "2022-12-20T08:15:30.123Z", "data": {"code": "A", "version": 3, "parentCode": null}}
                """);
    }

    @Test
    void aPayloadThatMatchesItsMessagePasses() throws Exception {
        EventContract c = EventContract.ofDocument("urn:test", DOC);
        assertThat(c.types()).containsExactly("example.thing.changed");
        assertThat(c.violations("example.thing.changed", event())).isEmpty();
    }

    @Test
    void aBrokenPayloadIsReportedWithItsPointer() throws Exception {
        EventContract c = EventContract.ofDocument("urn:test", DOC);
        ObjectNode missing = event();
        ((ObjectNode) missing.get("data")).remove("version");
        assertThat(c.violations("example.thing.changed", missing)).singleElement().asString().contains("/data")
                .contains("version");
        ObjectNode wrongType = event();
        ((ObjectNode) wrongType.get("data")).put("version", "three");
        assertThat(c.violations("example.thing.changed", wrongType)).singleElement().asString()
                .contains("/data/version");
        ObjectNode negative = event();
        ((ObjectNode) negative.get("data")).put("version", -1);
        assertThat(c.violations("example.thing.changed", negative)).hasSize(1);
        ObjectNode badTime = event();
        badTime.put("time", "yesterday");
        assertThat(c.violations("example.thing.changed", badTime)).singleElement().asString().contains("/time");
    }

    @Test
    void anUndocumentedTypeIsReported() throws Exception {
        EventContract c = EventContract.ofDocument("urn:test", DOC);
        assertThat(c.violations("example.other.changed", event())).singleElement().asString()
                .contains("example.other.changed");
    }

    /** The producers' own documented examples match their payload schemas; a broken copy of each does not. */
    @Test
    void theProducersExamplesMatchTheirSchemas() throws Exception {
        int examples = 0;
        for (String doc : List.of("budget-service/src/main/resources/META-INF/resources/events/budget-events.asyncapi.json",
                "evaluation-service/src/main/resources/META-INF/resources/events/evaluation-events.asyncapi.json")) {
            Path path = NodeTools.repositoryRoot().resolve(doc);
            EventContract c = EventContract.of(List.of(path));
            for (JsonNode m : JSON.readTree(path.toFile()).path("components").path("messages")) {
                for (JsonNode example : m.path("examples")) {
                    JsonNode payload = example.get("payload");
                    String type = m.get("name").asText();
                    assertThat(c.violations(type, payload)).as(type + " example of " + doc).isEmpty();
                    ObjectNode broken = payload.deepCopy();
                    ((ObjectNode) broken.get("data")).remove("version");
                    assertThat(c.violations(type, broken)).as("without data.version").isNotEmpty();
                    examples++;
                }
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(8);
    }
}
