package gov.budgetperf.evaluation.monitoring;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import gov.budgetperf.common.peer.Peer;

/**
 * The budget and spending of every department and project of a year cut at a date, from budget-service in one call;
 * budget-service down or slow is a 503 naming it.
 */
@ApplicationScoped
public class BudgetExecution {

    static final String PEER = "budget-service";

    @Inject
    @RestClient
    BudgetExecutionApi api;

    public List<BudgetExecutionApi.Line> asOf(int year, String region, LocalDate asOf) {
        return Peer.find(PEER, () -> api.execution(year, region, asOf)).orElse(List.of());
    }
}
