package gov.budgetperf.report.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.report.peers.BudgetClient;
import gov.budgetperf.report.peers.EvaluationClient;

/**
 * Readiness shows whether each peer answers. A peer being down does not make this service unready (DESIGN §2: it
 * stays up, serves stored documents and narratives, and answers 503 naming the peer for what needs it), so the check
 * is UP with each peer's state in its data; it is DOWN only if it cannot run at all.
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
        b.withData(BudgetClient.PEER, probe(budget::ping));
        b.withData(EvaluationClient.PEER, probe(evaluation::ping));
        return b.build();
    }

    private static String probe(Runnable ping) {
        try {
            ping.run();
            return "UP";
        } catch (ProblemException e) {
            return "DOWN: " + e.getMessage();
        }
    }
}
