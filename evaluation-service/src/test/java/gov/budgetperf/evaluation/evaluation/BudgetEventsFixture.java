package gov.budgetperf.evaluation.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.budgetperf.common.testing.EventContract;

/**
 * Publishes budget.events the way budget-service does, built from the examples budget-service documents (its
 * AsyncAPI file, read from the producer's sources — no Java classes are shared).
 */
public final class BudgetEventsFixture implements AutoCloseable {

    static final Path PRODUCER_DOC = Path.of("..", "budget-service", "src", "main", "resources", "META-INF", "resources",
            "events", "budget-events.asyncapi.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static final EventContract PRODUCER = EventContract.of(List.of(PRODUCER_DOC));
    /** Events sent through {@link #send(JsonNode)} by this JVM, each checked against the producer's document. */
    static int sent;

    private final KafkaProducer<String, String> producer;
    private final JsonNode doc;

    public BudgetEventsFixture() throws Exception {
        doc = JSON.readTree(Files.readString(PRODUCER_DOC));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** The documented example of a message (by its CloudEvents type), as a mutable copy. */
    ObjectNode example(String type) {
        for (JsonNode m : doc.path("components").path("messages")) {
            if (m.path("name").asText().equals(type)) {
                return (ObjectNode) m.path("examples").get(0).path("payload").deepCopy();
            }
        }
        throw new IllegalStateException("budget-service documents no example of " + type);
    }

    /** The budget-changed example for another department-year, version and execution ratio. */
    public ObjectNode budgetChanged(String department, int year, long version, String executionRatio) {
        ObjectNode e = example("gov.budgetperf.budget.department-budget.changed");
        e.put("id", UUID.randomUUID().toString());
        ObjectNode data = (ObjectNode) e.get("data");
        data.put("departmentCode", department);
        data.put("fiscalYear", year);
        data.put("version", version);
        ObjectNode metrics = (ObjectNode) data.get("metrics");
        metrics.put("departmentCode", department);
        rate(metrics, "executionRate", executionRatio);
        return e;
    }

    /** The project-changed example for another department-year's project, version and execution ratio. */
    public ObjectNode projectChanged(String department, String project, int year, long version, String executionRatio) {
        ObjectNode e = example("gov.budgetperf.budget.project.changed");
        e.put("id", UUID.randomUUID().toString());
        ObjectNode data = (ObjectNode) e.get("data");
        data.put("departmentCode", department);
        data.put("fiscalYear", year);
        data.put("projectCode", project);
        data.put("version", version);
        ObjectNode metrics = (ObjectNode) data.get("metrics");
        metrics.put("departmentCode", department);
        metrics.put("fiscalYear", year);
        metrics.put("projectCode", project);
        rate(metrics, "executionRate", executionRatio);
        return e;
    }

    /**
     * Sets a rate of a metrics document (a dotted path of objects, e.g. {@code "threePublic.controlRate"}) as
     * budget-service writes it: the ratio, and the percent half-up to two decimals.
     */
    public static ObjectNode rate(ObjectNode metrics, String path, String ratio) {
        ObjectNode n = metrics;
        for (String field : path.split("\\.")) {
            n = n.has(field) && n.get(field).isObject() ? (ObjectNode) n.get(field) : n.putObject(field);
        }
        java.math.BigDecimal r = new java.math.BigDecimal(ratio);
        n.put("ratio", r);
        n.put("percent", r.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP));
        return metrics;
    }

    /** The metrics of the department-year in a budget-changed event, to change them. */
    public static ObjectNode metrics(ObjectNode event) {
        return (ObjectNode) event.get("data").get("metrics");
    }

    /**
     * Replaces the projects of a budget-changed event by projects with the given execution ratios (code, ratio, code,
     * ratio, …), each from the documented example project.
     */
    public static ObjectNode projects(ObjectNode event, String... codesAndRatios) {
        ObjectNode data = (ObjectNode) event.get("data");
        JsonNode example = data.get("projects").get(0);
        var projects = JSON.createArrayNode();
        for (int i = 0; i < codesAndRatios.length; i += 2) {
            ObjectNode p = example.deepCopy();
            p.put("departmentCode", data.get("departmentCode").asText());
            p.put("projectCode", codesAndRatios[i]);
            rate(p, "executionRate", codesAndRatios[i + 1]);
            projects.add(p);
        }
        data.set("projects", projects);
        return event;
    }

    /** The budget-changed example for a department-year of a region with given budget and spending (yuan). */
    public ObjectNode budgetChanged(String department, String region, int year, long version, String adjustedBudget,
            String actual) {
        ObjectNode e = budgetChanged(department, year, version, "0.5");
        ObjectNode data = (ObjectNode) e.get("data");
        data.put("region", region);
        ObjectNode metrics = (ObjectNode) data.get("metrics");
        metrics.put("adjustedBudget", new java.math.BigDecimal(adjustedBudget));
        metrics.put("actualExpenditure", new java.math.BigDecimal(actual));
        data.set("projects", JSON.createArrayNode());
        return e;
    }

    void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>("budget.events", key, value)).get();
    }

    /**
     * Sends an event as budget-service would: it must match budget-service's AsyncAPI document (the payload schema of
     * its type), so that no test builds its case on an event the producer cannot send.
     */
    public void send(JsonNode event) throws Exception {
        List<String> violations = PRODUCER.violations(event.path("type").asText(), event);
        if (!violations.isEmpty()) {
            throw new AssertionError("a test event that budget-service could not send (its document " + PRODUCER_DOC
                    + "): " + violations + "\n" + event);
        }
        sent++;
        JsonNode data = event.get("data");
        send(data.get("departmentCode").asText() + ":" + data.get("fiscalYear").asInt(), JSON.writeValueAsString(event));
    }

    @Override
    public void close() {
        producer.close();
        try {
            Path out = Files.createDirectories(Path.of("target", "event-contract"));
            Files.writeString(out.resolve("budget-events-sent.txt"),
                    "test budget.events checked against budget-service's document: " + sent + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
