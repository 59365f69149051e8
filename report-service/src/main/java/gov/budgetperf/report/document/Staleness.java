package gov.budgetperf.report.document;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import gov.budgetperf.report.content.DocumentInputs;
import gov.budgetperf.report.content.DocumentInputs.Kind;

/**
 * Marks documents stale when an input they were built from changes, and records the newest version of each input so
 * that a document stored after the change (built from older data) is stale at once. Runs in the caller's transaction
 * (the event's inbox record, or a narrative's save).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Staleness {

    private static final Logger LOG = Logger.getLogger(Staleness.class);

    @Inject
    EntityManager em;

    /** An input now has this version: documents built from an older one are stale. */
    public int inputChanged(Kind kind, String key, long version, String reason) {
        em.createNativeQuery("INSERT INTO input_version (kind, input_key, version) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT (kind, input_key) DO UPDATE SET version = GREATEST(input_version.version, EXCLUDED.version), "
                + "updated_at = now()").setParameter(1, kind.name()).setParameter(2, key).setParameter(3, version)
                .executeUpdate();
        return mark("SELECT document_id FROM document_input WHERE kind = ?1 AND input_key = ?2 AND version < ?3",
                List.of(kind.name(), key, version), reason);
    }

    /** An evaluation of a subject changed: documents of that subject showing another evaluation (or none) are stale. */
    public int subjectEvaluationChanged(String subjectKey, long evaluationId, String reason) {
        return mark("SELECT document_id FROM document_input WHERE kind = ?1 AND input_key = ?2 AND ref <> ?3",
                List.of(Kind.SUBJECT_EVALUATIONS.name(), subjectKey, Long.toString(evaluationId)), reason);
    }

    /**
     * A department changed (or appeared) in a region: region documents that did not include this version of it are
     * stale.
     */
    public int departmentInRegionChanged(String region, String departmentCode, long version, String reason) {
        return mark("SELECT document_id FROM document_input WHERE kind = ?1 AND input_key = ?2 AND document_id NOT IN "
                + "(SELECT document_id FROM document_input WHERE kind = ?3 AND input_key = ?4 AND version >= ?5)",
                List.of(Kind.REGION.name(), region, Kind.DEPARTMENT.name(), departmentCode, version), reason);
    }

    /** The first input of a just-stored document that is older than the newest announced version, or null. */
    public String outdatedInput(long documentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT di.kind, di.input_key FROM document_input di "
                + "JOIN input_version iv ON iv.kind = di.kind AND iv.input_key = di.input_key "
                + "WHERE di.document_id = ?1 AND iv.version > di.version LIMIT 1").setParameter(1, documentId)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0)[0] + " " + rows.get(0)[1];
    }

    public void record(long documentId, DocumentInputs inputs) {
        em.createNativeQuery("DELETE FROM document_input WHERE document_id = ?1").setParameter(1, documentId)
                .executeUpdate();
        for (DocumentInputs.Input i : inputs.all()) {
            em.createNativeQuery("INSERT INTO document_input (document_id, kind, input_key, version, ref) "
                    + "VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, documentId).setParameter(2, i.kind().name())
                    .setParameter(3, i.key()).setParameter(4, i.version()).setParameter(5, i.ref()).executeUpdate();
        }
    }

    private int mark(String documents, List<Object> params, String reason) {
        var q = em.createNativeQuery("UPDATE document SET stale = true, stale_reason = ?" + (params.size() + 1)
                + ", stale_since = now() WHERE id IN (" + documents + ")");
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        q.setParameter(params.size() + 1, abbreviate(reason));
        int n = q.executeUpdate();
        if (n > 0) {
            LOG.debugf("%d document(s) stale: %s", n, reason);
        }
        return n;
    }

    private static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 499) + "…" : s;
    }
}
