package gov.budgetperf.common.health;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the event flow, from what the loops report ({@link EventFlows}): answers at once, whatever is down.
 * DOWN when a loop has stopped although it should run, when a consumer lags past
 * {@code platform.event-flow.max-consumer-lag}, or (only if configured) when the oldest unsent outbox event is older
 * than {@code platform.event-flow.max-outbox-age}. A broker that is away is not DOWN by itself: the outbox keeps the
 * writes and the consumers resume where they were; the details say so (state, lag, backlog, last error).
 */
@Readiness
@ApplicationScoped
public class EventFlowReadiness implements HealthCheck {

    @Inject
    EventFlows flows;

    @Inject
    EventFlowConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event-flow");
        boolean up = true;
        for (EventFlows.Loop l : flows.loops()) {
            StringBuilder d = new StringBuilder(l.state().name()).append(" since ").append(l.since());
            if (l.lag() >= 0) {
                d.append(", lag ").append(l.lag());
            }
            if (l.backlog() >= 0) {
                d.append(", backlog ").append(l.backlog()).append(" (oldest ")
                        .append(Math.round(l.backlogAgeSeconds())).append(" s)");
            }
            if (l.restarts() > 0) {
                d.append(", restarts ").append(l.restarts());
            }
            if (l.lastError() != null && l.state() != EventFlows.State.RUNNING) {
                d.append(", last error: ").append(l.lastError());
            }
            String problem = problem(l);
            if (problem != null) {
                up = false;
                d.append(" — DOWN: ").append(problem);
            }
            b.withData(l.name, d.toString());
        }
        return b.status(up).build();
    }

    private String problem(EventFlows.Loop l) {
        if (l.state() == EventFlows.State.STOPPED && !l.stoppedOnPurpose()) {
            return "stopped";
        }
        if (l.lag() > config.maxConsumerLag()) {
            return "lag above " + config.maxConsumerLag();
        }
        if (config.maxOutboxAge().isPresent() && l.backlogAgeSeconds() > config.maxOutboxAge().get().toSeconds()) {
            return "oldest unsent event older than " + config.maxOutboxAge().get();
        }
        // a loop that keeps failing for long is as good as stopped
        if (l.state() == EventFlows.State.RESTARTING
                && Duration.between(l.since(), Instant.now()).compareTo(config.restartBackoffMax().multipliedBy(2)) > 0) {
            return "restarting for more than " + config.restartBackoffMax().multipliedBy(2).toSeconds() + " s";
        }
        return null;
    }
}
