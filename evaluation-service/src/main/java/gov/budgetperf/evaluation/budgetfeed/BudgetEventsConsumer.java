package gov.budgetperf.evaluation.budgetfeed;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import gov.budgetperf.common.inbox.EventConsumerLoop;
import gov.budgetperf.common.inbox.EventConsumers;
import gov.budgetperf.common.inbox.Inbox;
import gov.budgetperf.evaluation.JsonColumns;
import gov.budgetperf.evaluation.evaluation.Evaluation;
import gov.budgetperf.evaluation.evaluation.EvaluationScoring;
import gov.budgetperf.evaluation.evaluation.EvaluationService;
import gov.budgetperf.evaluation.events.EvaluationEvents;

/**
 * Consumes budget.events with a tolerant reader (only the fields it needs, no classes shared with budget-service):
 * keeps the latest figures of each department-year and project, and updates the budget-linked indicators of the
 * affected evaluations — drafts are rescored; submitted ones are flagged. Each event is applied once (inbox), in
 * one transaction with its effect; an unreadable one goes to the dead-letter topic.
 */
@ApplicationScoped
public class BudgetEventsConsumer {

    static final String CONSUMER = "evaluation-service/budget.events";
    static final String BUDGET_CHANGED = "gov.budgetperf.budget.department-budget.changed";
    static final String PROJECT_CHANGED = "gov.budgetperf.budget.project.changed";
    private static final Logger LOG = Logger.getLogger(BudgetEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    EvaluationService evaluations;

    @Inject
    EvaluationScoring scoring;

    @Inject
    EvaluationEvents events;

    @ConfigProperty(name = "evaluation.budget-events.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "evaluation.budget-events.group-id")
    String groupId;

    @ConfigProperty(name = "evaluation.budget-events.topic")
    String topic;

    @ConfigProperty(name = "evaluation.budget-events.dead-letter-topic")
    String deadLetterTopic;

    @Inject
    EventConsumers consumers;

    void start(@Observes StartupEvent ev) {
        if (enabled) {
            consumers.start(groupId, topic, deadLetterTopic, this::handle);
        }
    }

    /** Applies one record of budget.events. */
    public void handle(ConsumerRecord<String, String> record) throws EventConsumerLoop.PoisonException {
        // numbers as BigDecimal, as the JSON columns read them: the stored figures then equal what was written
        JsonNode event = EventConsumerLoop.cloudEvent(JsonColumns.MAPPER, record);
        String type = event.get("type").asText();
        JsonNode data = event.path("data");
        if ((BUDGET_CHANGED.equals(type) || PROJECT_CHANGED.equals(type))
                && (!data.hasNonNull("departmentCode") || !data.hasNonNull("fiscalYear") || !data.hasNonNull("version")
                        || !data.path("metrics").isObject())) {
            throw new EventConsumerLoop.PoisonException(type + " without departmentCode, fiscalYear, version or metrics");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (!inbox.firstTime(CONSUMER, event.get("id").asText(), type)) {
                return; // seen before
            }
            if (BUDGET_CHANGED.equals(type)) {
                // the projects' figures first: the department's evaluations include its project evaluations, which
                // must be rescored with this event's project figures, not the previous event's (the project.changed
                // event of the same version that follows is then skipped as already applied)
                for (JsonNode p : data.path("projects")) {
                    if (p.hasNonNull("projectCode")) {
                        store(data.get("departmentCode").asText(), data.get("fiscalYear").asInt(),
                                p.get("projectCode").asText(), data.get("version").asLong(), p, null);
                    }
                }
                apply(data, "", data.path("region").asText(null));
            } else if (PROJECT_CHANGED.equals(type)) {
                apply(data, data.path("projectCode").asText(""), null);
            }
            // other types (e.g. department master data) are not needed here
        });
    }

    private void apply(JsonNode data, String projectCode, String region) {
        String dept = data.get("departmentCode").asText();
        int year = data.get("fiscalYear").asInt();
        long version = data.get("version").asLong();
        if (!store(dept, year, projectCode, version, data.get("metrics"), region)) {
            return; // an older version than what we have: nothing to do
        }
        List<Evaluation> affected = projectCode.isEmpty()
                ? Evaluation.list("departmentCode = ?1 and fiscalYear = ?2", dept, year)
                : Evaluation.list("departmentCode = ?1 and fiscalYear = ?2 and projectCode = ?3", dept, year, projectCode);
        for (Evaluation e : affected) {
            if (e.editable()) {
                if (evaluations.applyBudgetFigures(e)) {
                    evaluations.touch(e);
                    scoring.rescore(e);
                    evaluations.audit(e, "budget.events", "BUDGET_FIGURES_APPLIED", Map.of("budgetDataVersion", version));
                    events.scored(e);
                }
            } else if (!e.budgetChangedAfterSubmission) {
                evaluations.touch(e);
                e.budgetChangedAfterSubmission = true;
                evaluations.audit(e, "budget.events", "BUDGET_CHANGED_AFTER_SUBMISSION",
                        Map.of("budgetDataVersion", version));
            }
        }
        LOG.debugf("Applied budget figures %s/%d%s v%d to %d evaluation(s)", dept, year,
                projectCode.isEmpty() ? "" : "/" + projectCode, version, affected.size());
    }

    /**
     * Keeps the newest figures; false when the stored ones are as new or newer. The row takes the new data version;
     * its metrics and region are replaced only when they differ (by value), so it is written once per event.
     */
    private boolean store(String dept, int year, String projectCode, long version, JsonNode metrics, String region) {
        BudgetFigures f = BudgetFigures.of(dept, year, projectCode).orElse(null);
        if (f != null && f.dataVersion >= version) {
            return false;
        }
        if (f == null) {
            f = new BudgetFigures();
            f.key = new BudgetFigures.Key(dept, year, projectCode);
            f.dataVersion = version;
            f.metrics = JsonColumns.canonical(metrics);
            f.region = region;
            f.receivedAt = OffsetDateTime.now();
            f.persist();
        } else {
            f.dataVersion = version;
            if (!JsonColumns.same(f.metrics, metrics)) {
                f.metrics = JsonColumns.canonical(metrics); // as read back: equal to its snapshot at the next flush
            }
            if (region != null && !region.equals(f.region)) {
                f.region = region;
            }
            f.receivedAt = OffsetDateTime.now();
        }
        return true;
    }
}
