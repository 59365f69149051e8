package gov.budgetperf.report.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.scheduler.Scheduled;

import gov.budgetperf.common.peer.Peer;
import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.report.peers.BudgetClient;
import gov.budgetperf.report.peers.EvaluationClient;

/**
 * Readiness shows whether each peer answers. A peer being down does not make this service unready (DESIGN §2: it
 * stays up, serves stored documents and narratives, and answers 503 naming the peer for what needs it), so the check
 * is UP with each peer's state in its data. It calls nobody: it shows how the last call to each peer ended (any
 * call, or the ping every 10 s below), so it answers at once even while a peer hangs.
 */
@Readiness
@ApplicationScoped
public class PeersHealthCheck implements HealthCheck {

    @Inject
    BudgetClient budget;

    @Inject
    EvaluationClient evaluation;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("peers").up();
        b.withData(BudgetClient.PEER, state(BudgetClient.PEER));
        b.withData(EvaluationClient.PEER, state(EvaluationClient.PEER));
        return b.build();
    }

    /** Keeps the peers' states current when no request calls them (within the peer call budget, off the probe). */
    @Scheduled(every = "${report.peers.ping-interval:10s}", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void ping() {
        ping(budget::ping);
        ping(evaluation::ping);
    }

    private static void ping(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            // recorded by Peer as the peer's last outcome
        }
    }

    private static String state(String peer) {
        return Peer.lastOutcome(peer).map(o -> (o.answered() ? "UP" : "DOWN: " + o.failure()) + " (" + o.at() + ")")
                .orElse("UNKNOWN: not called yet");
    }
}
