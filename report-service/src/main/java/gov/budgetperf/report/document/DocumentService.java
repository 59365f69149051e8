package gov.budgetperf.report.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.web.Page;
import gov.budgetperf.common.web.PageRequest;

/**
 * Generates documents and keeps them: the inputs are fetched and the document rendered outside any transaction (peers
 * are called), then the bytes, checksum and input versions are stored in one short transaction. A document whose
 * inputs changed while it was being made is stored stale.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DocumentService {

    @Inject
    DocumentRenderer renderer;

    @Inject
    Staleness staleness;

    @Inject
    EntityManager em;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    /** Time to fetch the inputs and render, per document type and format (what operators watch). */
    private void timed(DocumentRenderer.Request r, long millis, boolean regenerated) {
        io.micrometer.core.instrument.Timer.builder("report.generation").description("Fetch inputs and render a document")
                .tag("type", r.type().name()).tag("format", r.format().name())
                .tag("trigger", regenerated ? "regenerate" : "request").register(registry)
                .record(java.time.Duration.ofMillis(millis));
    }

    @Transactional(Transactional.TxType.NEVER)
    public Document create(DocumentRenderer.Request request, boolean keepCurrent, String user) {
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now();
        DocumentRenderer.Rendered rendered = renderer.render(request);
        long millis = (System.nanoTime() - started) / 1_000_000;
        timed(request, millis, false);
        return QuarkusTransaction.requiringNew().call(() -> {
            Document d = new Document();
            d.type = request.type();
            d.format = request.format();
            d.departmentCode = nz(request.departmentCode());
            d.fiscalYear = request.fiscalYear();
            d.projectCode = nz(request.projectCode());
            d.region = nz(request.region());
            d.asOf = request.asOf();
            d.keepCurrent = keepCurrent;
            d.generation = 1;
            fill(d, rendered, user, startedAt, millis);
            d.persist();
            em.flush();
            staleness.record(d.id, rendered.inputs());
            markIfOutdated(d);
            return d;
        });
    }

    /** Renders the document again from the current inputs (same id, next generation). */
    @Transactional(Transactional.TxType.NEVER)
    public Document regenerate(long id, String user) {
        Document current = get(id);
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now();
        DocumentRenderer.Request request = request(current);
        DocumentRenderer.Rendered rendered = renderer.render(request);
        long millis = (System.nanoTime() - started) / 1_000_000;
        timed(request, millis, true);
        return QuarkusTransaction.requiringNew().call(() -> {
            // The row lock orders this against a concurrent "stale" mark: one that came in while rendering wins.
            Document d = em.find(Document.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (d == null) {
                throw ProblemException.notFound("Report " + id + " was deleted while it was regenerated");
            }
            boolean markedWhileRendering = d.staleSince != null && d.staleSince.isAfter(startedAt);
            String reason = d.staleReason;
            fill(d, rendered, user, startedAt, millis);
            d.generation++;
            d.claimedUntil = null;
            if (markedWhileRendering) {
                d.stale = true;
                d.staleReason = reason;
            }
            em.flush();
            staleness.record(d.id, rendered.inputs());
            markIfOutdated(d);
            return d;
        });
    }

    public static DocumentRenderer.Request request(Document d) {
        return new DocumentRenderer.Request(d.type, d.format, d.departmentCode, d.fiscalYear, d.projectCode, d.region,
                d.asOf);
    }

    private void markIfOutdated(Document d) {
        String outdated = staleness.outdatedInput(d.id);
        if (outdated != null) {
            d.stale = true;
            d.staleReason = "input " + outdated + " changed while the document was generated";
            d.staleSince = OffsetDateTime.now();
        }
    }

    private static void fill(Document d, DocumentRenderer.Rendered rendered, String user, OffsetDateTime at,
            long millis) {
        d.content = rendered.content();
        d.sizeBytes = rendered.content().length;
        d.sha256 = sha256(rendered.content());
        d.fileName = rendered.fileName();
        d.mediaType = d.format.mediaType();
        d.generatedAt = at;
        d.generatedBy = user;
        d.generationMillis = millis;
        d.stale = false;
        d.staleReason = null;
        d.staleSince = null;
    }

    public Document get(long id) {
        Document d = Document.findById(id);
        if (d == null) {
            throw ProblemException.notFound("Report " + id + " not found");
        }
        return d;
    }

    /** The stored bytes (loaded on their own: listing documents never reads them). */
    public byte[] content(long id) {
        List<?> rows = em.createNativeQuery("SELECT content FROM document WHERE id = ?1").setParameter(1, id)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Report " + id + " not found");
        }
        return (byte[]) rows.get(0);
    }

    public Page<Document> list(String departmentCode, Integer fiscalYear, DocumentType type, Boolean stale,
            String restrictedTo, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (restrictedTo != null) {
            where.append(" and departmentCode = :own");
            params.put("own", restrictedTo);
        }
        if (departmentCode != null) {
            where.append(" and departmentCode = :dept");
            params.put("dept", departmentCode);
        }
        if (fiscalYear != null) {
            where.append(" and fiscalYear = :year");
            params.put("year", fiscalYear);
        }
        if (type != null) {
            where.append(" and type = :type");
            params.put("type", type);
        }
        if (stale != null) {
            where.append(" and stale = :stale");
            params.put("stale", stale);
        }
        var query = Document.<Document>find(where + " order by id desc", params);
        long total = query.count();
        List<Document> items = query.page(io.quarkus.panache.common.Page.of(page.page, page.size)).list();
        return new Page<>(items, page.page, page.size, total);
    }

    /** The inputs of these documents, read with one query (a page of documents does not cost a query each). */
    private Map<Long, List<DocumentViews.InputView>> inputs(List<Long> ids) {
        Map<Long, List<DocumentViews.InputView>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT document_id, kind, input_key, version, ref "
                + "FROM document_input WHERE document_id = ANY(?1) ORDER BY document_id, kind, input_key")
                .setParameter(1, ids.toArray(Long[]::new)).getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new DocumentViews.InputView((String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                            (String) r[4]));
        }
        return out;
    }

    public DocumentViews.View view(Document d) {
        return views(List.of(d)).get(0);
    }

    public List<DocumentViews.View> views(List<Document> documents) {
        Map<Long, List<DocumentViews.InputView>> inputs = inputs(documents.stream().map(d -> d.id).toList());
        return documents.stream().map(d -> new DocumentViews.View(d.id, d.type, d.format, d.departmentCode,
                d.fiscalYear, d.projectCode, d.region, d.asOf, d.fileName, d.mediaType, d.sizeBytes, d.sha256, d.keepCurrent,
                d.stale, d.staleReason, d.staleSince, d.generation, d.generatedAt, d.generatedBy, d.generationMillis,
                inputs.getOrDefault(d.id, List.of()), d.version)).toList();
    }

    /** Claims up to {@code limit} stale documents to keep current, for this replica, for two minutes. */
    @Transactional
    public List<Long> claimStaleToKeepCurrent(int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("UPDATE document SET claimed_until = now() + interval '2 minutes' "
                + "WHERE id IN (SELECT id FROM document WHERE stale AND keep_current "
                + "AND (claimed_until IS NULL OR claimed_until < now()) ORDER BY stale_since LIMIT ?1 "
                + "FOR UPDATE SKIP LOCKED) RETURNING id").setParameter(1, limit).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
