package gov.budgetperf.evaluation.events;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import gov.budgetperf.common.outbox.Outbox;
import gov.budgetperf.evaluation.evaluation.Evaluation;

/**
 * The events evaluation-service publishes on {@value #TOPIC} through the outbox, key = evaluation id. Documented with
 * an example per type in {@code src/main/resources/META-INF/resources/events/evaluation-events.asyncapi.json}.
 */
@ApplicationScoped
public class EvaluationEvents {

    public static final String TOPIC = "evaluation.events";
    public static final String SCORED = "gov.budgetperf.evaluation.scored";
    public static final String SUBMITTED = "gov.budgetperf.evaluation.submitted";
    public static final String RETURNED = "gov.budgetperf.evaluation.returned";
    public static final String APPROVED = "gov.budgetperf.evaluation.approved";
    public static final String PUBLISHED = "gov.budgetperf.evaluation.published";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    /** The new state of an evaluation: its scores' summary and version. */
    public record EvaluationState(long evaluationId, String subjectType, String departmentCode, int fiscalYear,
            String projectCode, String kind, String ruleSet, String status, String previousStatus, BigDecimal total,
            String grade, boolean rescaled, Long budgetDataVersion, long version) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void scored(Evaluation e) {
        publish(e, SCORED, null);
    }

    /** As {@link #scored}, for an evaluation the caller has just flushed (no flush here). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scoredFlushed(Evaluation e) {
        write(e, SCORED, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(Evaluation e, Evaluation.Status from) {
        String type = switch (e.status) {
            case SUBMITTED -> SUBMITTED;
            case RETURNED -> RETURNED;
            case APPROVED -> APPROVED;
            case PUBLISHED -> PUBLISHED;
            default -> SCORED;
        };
        publish(e, type, from);
    }

    private void publish(Evaluation e, String type, Evaluation.Status from) {
        em.flush(); // the version below is the one the change produced
        write(e, type, from);
    }

    private void write(Evaluation e, String type, Evaluation.Status from) {
        outbox.publish(TOPIC, Long.toString(e.id), type, "evaluations/" + e.id,
                new EvaluationState(e.id, e.subjectType.name(), e.departmentCode, e.fiscalYear, e.projectCode,
                        e.kind.name(), e.ruleSet.label(), e.status.name(), from == null ? null : from.name(), e.total,
                        e.grade, e.rescaled, e.budgetDataVersion, e.version));
    }
}
