package gov.budgetperf.report.batch;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.report.document.Document;
import gov.budgetperf.report.document.DocumentRenderer;
import gov.budgetperf.report.document.DocumentService;
import gov.budgetperf.report.document.DocumentType;
import gov.budgetperf.report.peers.BudgetClient;
import gov.budgetperf.report.peers.PeerModels;

/**
 * Batch generation for a region and year, in the background: one item per department, each generated and stored on
 * its own (a failing document is recorded with its error and the batch goes on), progress counted as it goes. Jobs
 * interrupted by a restart resume with their pending items.
 */
@ApplicationScoped
public class BatchService {

    private static final Logger LOG = Logger.getLogger(BatchService.class);

    @Inject
    EntityManager em;

    @Inject
    BudgetClient budget;

    @Inject
    DocumentService documents;

    @ConfigProperty(name = "report.batch.concurrency", defaultValue = "2")
    int concurrency;

    private ExecutorService jobs;
    private ExecutorService workers;

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        jobs = Executors.newSingleThreadExecutor(r -> daemon(r, "report-batch"));
        workers = Executors.newFixedThreadPool(Math.max(1, concurrency),
                r -> daemon(r, "report-batch-worker-" + n.incrementAndGet()));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void resume(@Observes StartupEvent ev) {
        List<Long> unfinished = QuarkusTransaction.requiringNew().call(() -> BatchJob
                .<BatchJob>list("status in ?1 order by id", List.of(BatchJob.Status.QUEUED, BatchJob.Status.RUNNING))
                .stream().map(j -> j.id).toList());
        unfinished.forEach(this::start);
    }

    void stop(@Observes ShutdownEvent ev) {
        jobs.shutdownNow();
        workers.shutdownNow();
    }

    @Transactional
    public BatchJob create(BatchViews.Create in, String user) {
        if (in.type().subject() != DocumentType.Subject.DEPARTMENT) {
            throw ProblemException.invalid("type", "a batch makes department documents, not " + in.type());
        }
        if (!in.type().formats().contains(in.format())) {
            throw ProblemException.invalid("format", in.type() + " is made as " + in.type().formats());
        }
        BatchJob job = new BatchJob();
        job.region = in.region().trim();
        job.fiscalYear = in.fiscalYear();
        job.type = in.type();
        job.format = in.format();
        job.status = BatchJob.Status.QUEUED;
        job.createdBy = user;
        job.createdAt = OffsetDateTime.now();
        job.persist();
        return job;
    }

    /** Runs the job in the background (after the transaction that created it committed). */
    public void start(long id) {
        jobs.submit(() -> {
            try {
                run(id);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Batch %d failed", id);
                QuarkusTransaction.requiringNew().run(() -> {
                    BatchJob job = BatchJob.findById(id);
                    job.status = BatchJob.Status.FAILED;
                    job.message = abbreviate(e.getMessage());
                    job.finishedAt = OffsetDateTime.now();
                });
            }
        });
    }

    private void run(long id) {
        BatchJob job = QuarkusTransaction.requiringNew().call(() -> BatchJob.findById(id));
        if (job.status == BatchJob.Status.QUEUED) {
            List<PeerModels.Department> departments = budget.departments(job.region); // 503 → job FAILED
            QuarkusTransaction.requiringNew().run(() -> {
                for (PeerModels.Department d : departments) {
                    em.createNativeQuery("INSERT INTO batch_item (job_id, department_code, status) VALUES (?1, ?2, "
                            + "'PENDING') ON CONFLICT DO NOTHING").setParameter(1, id).setParameter(2, d.code())
                            .executeUpdate();
                }
                BatchJob j = BatchJob.findById(id);
                j.status = BatchJob.Status.RUNNING;
                j.total = departments.size();
                j.startedAt = OffsetDateTime.now();
            });
        }
        @SuppressWarnings("unchecked")
        List<String> pending = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("SELECT department_code FROM batch_item WHERE job_id = ?1 AND "
                        + "status = 'PENDING' ORDER BY department_code").setParameter(1, id).getResultList());
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (String code : pending) {
            running.add(workers.submit(() -> item(job, code)));
        }
        for (var f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // shutting down: the job resumes at the next start
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warnf(e.getCause(), "Batch %d item failed unexpectedly", id);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            BatchJob j = BatchJob.findById(id);
            j.status = BatchJob.Status.DONE;
            j.finishedAt = OffsetDateTime.now();
            j.message = j.failed == 0 ? null : j.failed + " of " + j.total + " document(s) failed";
        });
    }

    private void item(BatchJob job, String code) {
        Long reportId = null;
        String error = null;
        try {
            Document d = documents.create(new DocumentRenderer.Request(job.type, job.format, code, job.fiscalYear, null,
                    null, null), false, job.createdBy);
            reportId = d.id;
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        Long doc = reportId;
        String err = error;
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE batch_item SET status = ?3, document_id = ?4, error = ?5 "
                    + "WHERE job_id = ?1 AND department_code = ?2").setParameter(1, job.id).setParameter(2, code)
                    .setParameter(3, err == null ? "DONE" : "FAILED").setParameter(4, doc)
                    .setParameter(5, err == null ? null : abbreviate(err)).executeUpdate();
            em.createNativeQuery("UPDATE batch_job SET " + (err == null ? "done = done + 1" : "failed = failed + 1")
                    + " WHERE id = ?1").setParameter(1, job.id).executeUpdate();
        });
    }

    public BatchViews.View view(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            BatchJob j = BatchJob.findById(id);
            if (j == null) {
                throw ProblemException.notFound("Batch " + id + " not found");
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT department_code, status, document_id, error FROM "
                    + "batch_item WHERE job_id = ?1 AND status = 'FAILED' ORDER BY department_code LIMIT 1000")
                    .setParameter(1, id).getResultList();
            List<BatchViews.Item> errors = rows.stream().map(r -> new BatchViews.Item((String) r[0], (String) r[1],
                    r[2] == null ? null : ((Number) r[2]).longValue(), (String) r[3])).toList();
            return new BatchViews.View(j.id, j.region, j.fiscalYear, j.type, j.format, j.status, j.total, j.done,
                    j.failed, j.createdBy, j.createdAt, j.startedAt, j.finishedAt, j.message, errors);
        });
    }

    private static String abbreviate(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 999) + "…" : s;
    }
}
