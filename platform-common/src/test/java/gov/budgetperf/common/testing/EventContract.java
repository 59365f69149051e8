package gov.budgetperf.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The events a service publishes, as its AsyncAPI 3 documents describe them: for each CloudEvents {@code type} (the
 * {@code name} of a message of a {@code send} operation) the message's payload schema, checked with JSON Schema
 * 2020-12 (networknt). Used by {@link OutboxEventsCheck} on every event the tests write to the outbox, and by
 * {@link #asyncApiValidate} to validate a document with the AsyncAPI CLI.
 */
public final class EventContract {

    /** Where a module keeps the AsyncAPI documents it publishes (served as /events/...). */
    public static final Path DOCUMENTS = Path.of("src", "main", "resources", "META-INF", "resources", "events");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Schema> payloads = new LinkedHashMap<>();

    private EventContract() {
    }

    /** The send operations of the AsyncAPI documents ({@code *.asyncapi.json}) in {@code dir}; none if it is absent. */
    public static EventContract ofDirectory(Path dir) {
        List<Path> docs = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".asyncapi.json")).sorted().forEach(docs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return of(docs);
    }

    public static EventContract of(List<Path> docs) {
        EventContract c = new EventContract();
        for (Path doc : docs) {
            try {
                c.add(doc.toAbsolutePath().normalize().toUri().toString(), Files.readString(doc));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return c;
    }

    /** The document {@code json} under the base URI {@code uri} (e.g. {@code urn:test}), for tests of the checker. */
    public static EventContract ofDocument(String uri, String json) {
        EventContract c = new EventContract();
        c.add(uri, json);
        return c;
    }

    private void add(String uri, String json) {
        JsonNode doc;
        try {
            doc = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + uri, e);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(Map.of(uri, json)));
        for (var op : doc.path("operations").properties()) {
            if (!"send".equals(op.getValue().path("action").asText())) {
                continue;
            }
            JsonNode channel = resolve(doc, op.getValue().path("channel").path("$ref").asText());
            List<JsonNode> messages = new ArrayList<>();
            op.getValue().path("messages").forEach(messages::add);
            if (messages.isEmpty()) {
                channel.path("messages").forEach(messages::add);
            }
            for (JsonNode ref : messages) {
                String pointer = ref.path("$ref").asText();
                if (!pointer.startsWith("#/")) {
                    throw new IllegalStateException(uri + ": message " + ref + " is not a local $ref");
                }
                JsonNode message = resolve(doc, pointer);
                pointer = location(doc, pointer);
                String type = message.path("name").asText();
                if (type.isEmpty() || !message.has("payload")) {
                    throw new IllegalStateException(uri + ": message " + pointer + " has no name or no payload");
                }
                String location = uri + pointer + "/payload";
                payloads.put(type, registry.getSchema(SchemaLocation.of(location)));
            }
        }
    }

    /** The pointer of the message object {@code ref} finally refers to. */
    private static String location(JsonNode doc, String ref) {
        JsonNode n = doc.at(ref.substring(1));
        return n.has("$ref") ? location(doc, n.get("$ref").asText()) : ref;
    }

    private static JsonNode resolve(JsonNode doc, String ref) {
        JsonNode n = ref.startsWith("#/")
                ? doc.at(ref.substring(1))
                : com.fasterxml.jackson.databind.node.MissingNode
                        .getInstance();
        if (n.isMissingNode()) {
            throw new IllegalStateException("no " + ref + " in the document");
        }
        // an operation's message refers to its channel's, which may refer to components
        return n.has("$ref") ? resolve(doc, n.get("$ref").asText()) : n;
    }

    /** The CloudEvents types the documents describe. */
    public java.util.Set<String> types() {
        return payloads.keySet();
    }

    /**
     * What is wrong with an event of {@code type} whose record value is {@code event}: empty when it matches its
     * message's payload schema; one entry naming the type when no document describes it.
     */
    public List<String> violations(String type, JsonNode event) {
        Schema schema = payloads.get(type);
        if (schema == null) {
            return List.of("no AsyncAPI document of this module describes the event type " + type + " (documented: "
                    + payloads.keySet() + ")");
        }
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(event, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))) {
            out.add(e.getInstanceLocation() + ": " + e.getMessage() + " (schema " + e.getSchemaLocation() + ")");
        }
        return out;
    }

    /**
     * {@code asyncapi validate} of a document (AsyncAPI CLI, see {@link NodeTools}): fails the test on any error or
     * warning and answers the tool's output (information such as "a newer AsyncAPI version exists" passes).
     */
    public static String asyncApiValidate(Path doc) {
        NodeTools tools = NodeTools.require();
        NodeTools.Result r = tools.runAllowingFailure(Path.of("").toAbsolutePath(), Duration.ofSeconds(120), "asyncapi",
                "validate", doc.toAbsolutePath().toString(), "--fail-severity=warn");
        System.out.println("asyncapi validate " + doc + ":\n" + r.output());
        if (r.exitCode() != 0) {
            org.junit.jupiter.api.Assertions.fail("asyncapi validate found problems in " + doc + ":\n" + r.output());
        }
        return r.output();
    }

    /**
     * A consumer's document keeps copies of the messages (by name) the producer sends on the channels it consumes,
     * and of the schemas (by key) they use: fails unless each copy's payload and content type, and each schema of the
     * same key, equal the producer's.
     */
    public static void assertCopiesMatch(Path consumerDoc, Path producerDoc) {
        JsonNode consumer;
        JsonNode producer;
        try {
            consumer = JSON.readTree(consumerDoc.toFile());
            producer = JSON.readTree(producerDoc.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> differ = new ArrayList<>();
        int copies = 0;
        for (var s : producer.path("components").path("schemas").properties()) {
            JsonNode copy = consumer.path("components").path("schemas").get(s.getKey());
            if (copy != null && !copy.equals(s.getValue())) {
                differ.add("schema " + s.getKey() + " differs");
            }
        }
        java.util.Set<String> consumed = new java.util.HashSet<>();
        consumer.path("channels").forEach(c -> consumed.add(c.path("address").asText()));
        for (var op : producer.path("operations").properties()) {
            if (!"send".equals(op.getValue().path("action").asText())) {
                continue;
            }
            JsonNode channel = resolve(producer, op.getValue().path("channel").path("$ref").asText());
            if (!consumed.contains(channel.path("address").asText())) {
                continue;
            }
            for (JsonNode ref : channel.path("messages")) {
                JsonNode m = resolve(producer, ref.path("$ref").asText());
                JsonNode copy = null;
                for (JsonNode c : consumer.path("components").path("messages")) {
                    if (c.path("name").equals(m.path("name"))) {
                        copy = c;
                    }
                }
                if (copy == null) {
                    differ.add("message " + m.path("name").asText() + " is missing");
                } else if (!copy.path("payload").equals(m.path("payload"))
                        || !copy.path("contentType").equals(m.path("contentType"))) {
                    differ.add("message " + m.path("name").asText() + " differs (payload or contentType)");
                }
                copies++;
            }
        }
        if (copies == 0 || !differ.isEmpty()) {
            org.junit.jupiter.api.Assertions.fail(consumerDoc + " must keep exact copies of what it consumes from "
                    + producerDoc + " (the producer owns them; copy them again after a change there): " + differ);
        }
    }
}
