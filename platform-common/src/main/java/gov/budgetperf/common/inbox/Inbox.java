package gov.budgetperf.common.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The idempotent-consumer record: an event id is recorded in the same transaction as its effect, so a redelivered
 * event is recognised and skipped, and an effect that rolled back leaves no record.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /**
     * Records that a consumer handles an event.
     *
     * @return true the first time, false when the event was handled before (skip it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, String eventId, String eventType) {
        return em.createNativeQuery("INSERT INTO inbox_event (consumer, event_id, event_type) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT DO NOTHING").setParameter(1, consumer).setParameter(2, eventId).setParameter(3, eventType)
                .executeUpdate() == 1;
    }
}
