package gov.budgetperf.common.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes events to the outbox table in the caller's transaction. Nothing is sent here: the {@link OutboxRelay}
 * publishes after commit, so an event exists if and only if its change was committed.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    OutboxConfig config;

    @Inject
    TransactionSynchronizationRegistry tsr;

    @Inject
    OutboxRelay relay;

    /**
     * Records an event. Must run inside a transaction (the change's own).
     *
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, String subject, Object data) {
        UUID id = UUID.randomUUID();
        CloudEvent<Object> event = new CloudEvent<>("1.0", id.toString(), config.source(), type, subject,
                OffsetDateTime.now(ZoneOffset.UTC), "application/json", null, data);
        String json;
        try {
            json = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + type + " cannot be serialised", e);
        }
        em.createNativeQuery(
                "INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload) VALUES (?1, ?2, ?3, ?4, ?5)")
                // the outbox row depends on no pending entity change: do not flush the whole session before it
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, id).setParameter(2, topic).setParameter(3, key)
                .setParameter(4, type)
                .setParameter(5, json).executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        Object marker = tsr.getResource(Outbox.class);
        if (marker != null) {
            return;
        }
        tsr.putResource(Outbox.class, Boolean.TRUE);
        tsr.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
