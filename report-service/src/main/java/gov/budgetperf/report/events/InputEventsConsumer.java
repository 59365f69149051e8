package gov.budgetperf.report.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import gov.budgetperf.common.inbox.EventConsumerLoop;
import gov.budgetperf.common.inbox.EventConsumers;
import gov.budgetperf.common.inbox.Inbox;
import gov.budgetperf.report.content.DocumentInputs;
import gov.budgetperf.report.content.DocumentInputs.Kind;
import gov.budgetperf.report.document.Staleness;

/**
 * Reads budget.events and evaluation.events with tolerant readers (the fields needed, no classes shared with the
 * producers) and marks the documents built from an older version of the changed input stale. Each event is applied
 * once (inbox) in one transaction with its effect; an unreadable one goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class InputEventsConsumer {

    static final String DEPARTMENT_CHANGED = "gov.budgetperf.budget.department.changed";
    static final String BUDGET_CHANGED = "gov.budgetperf.budget.department-budget.changed";
    static final String PROJECT_CHANGED = "gov.budgetperf.budget.project.changed";
    static final String EVALUATION_PREFIX = "gov.budgetperf.evaluation.";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Staleness staleness;

    @ConfigProperty(name = "report.events.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "report.events.group-id")
    String groupId;

    @ConfigProperty(name = "report.events.budget-topic")
    String budgetTopic;

    @ConfigProperty(name = "report.events.evaluation-topic")
    String evaluationTopic;

    @ConfigProperty(name = "report.events.dead-letter-topic")
    String deadLetterTopic;

    @Inject
    EventConsumers consumers;

    void start(@Observes StartupEvent ev) {
        if (enabled) {
            consumers.start(groupId, budgetTopic, deadLetterTopic, this::handle);
            consumers.start(groupId, evaluationTopic, deadLetterTopic, this::handle);
        }
    }

    /** Applies one record of either topic. */
    public void handle(ConsumerRecord<String, String> record) throws EventConsumerLoop.PoisonException {
        JsonNode event = EventConsumerLoop.cloudEvent(mapper, record);
        String type = event.get("type").asText();
        JsonNode data = event.path("data");
        Runnable effect = effect(type, data);
        if (effect == null) {
            return; // a type documents do not depend on
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (inbox.firstTime("report-service/" + record.topic(), event.get("id").asText(), type)) {
                effect.run();
            }
        });
    }

    private Runnable effect(String type, JsonNode data) throws EventConsumerLoop.PoisonException {
        if (DEPARTMENT_CHANGED.equals(type)) {
            String code = require(data, type, "departmentCode").asText();
            long version = require(data, type, "version").asLong();
            String region = data.path("region").asText("");
            return () -> {
                String reason = "department " + code + " changed (v" + version + ")";
                staleness.inputChanged(Kind.DEPARTMENT, code, version, reason);
                if (!region.isEmpty()) {
                    staleness.departmentInRegionChanged(region, code, version, reason);
                }
            };
        }
        if (BUDGET_CHANGED.equals(type) || PROJECT_CHANGED.equals(type)) {
            String key = DocumentInputs.budgetKey(require(data, type, "departmentCode").asText(),
                    require(data, type, "fiscalYear").asInt());
            long version = require(data, type, "version").asLong();
            String what = PROJECT_CHANGED.equals(type) ? "project " + data.path("projectCode").asText() + " of " : "";
            return () -> staleness.inputChanged(Kind.BUDGET, key, version,
                    "budget figures of " + what + key + " changed (data version " + version + ")");
        }
        if (type.startsWith(EVALUATION_PREFIX)) {
            long id = require(data, type, "evaluationId").asLong();
            long version = require(data, type, "version").asLong();
            String project = data.hasNonNull("projectCode") ? data.get("projectCode").asText() : null;
            String subject = DocumentInputs.subjectKey(require(data, type, "departmentCode").asText(),
                    require(data, type, "fiscalYear").asInt(), project);
            String step = type.substring(EVALUATION_PREFIX.length());
            return () -> {
                String reason = "evaluation " + id + " of " + subject + " " + step + " (v" + version + ")";
                staleness.inputChanged(Kind.EVALUATION, Long.toString(id), version, reason);
                staleness.subjectEvaluationChanged(subject, id, reason);
            };
        }
        return null;
    }

    private static JsonNode require(JsonNode data, String type, String field) throws EventConsumerLoop.PoisonException {
        JsonNode v = data.get(field);
        if (v == null || v.isNull()) {
            throw new EventConsumerLoop.PoisonException(type + " without data." + field);
        }
        return v;
    }
}
