package gov.budgetperf.report.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Regenerates stale documents that were asked to be kept current. Each replica claims a few at a time (SKIP LOCKED),
 * so replicas share the work and a document is not rendered twice at once; a failure (a peer down) leaves it stale and
 * it is tried again when the claim expires.
 */
@ApplicationScoped
public class KeepCurrent {

    private static final Logger LOG = Logger.getLogger(KeepCurrent.class);

    @Inject
    DocumentService documents;

    @ConfigProperty(name = "report.regenerate.batch-size", defaultValue = "20")
    int batchSize;

    @Scheduled(every = "${report.regenerate.every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pass() {
        for (long id : documents.claimStaleToKeepCurrent(batchSize)) {
            try {
                documents.regenerate(id, "report-service");
            } catch (RuntimeException e) {
                LOG.warnf("Could not regenerate report %d (tried again later): %s", id, e.getMessage());
            }
        }
    }
}
