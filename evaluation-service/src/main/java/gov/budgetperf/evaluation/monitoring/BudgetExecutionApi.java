package gov.budgetperf.evaluation.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import gov.budgetperf.common.peer.PeerBudget;
import gov.budgetperf.common.peer.PeerErrors;

/**
 * budget-service's execution figures cut at a date, the part monitoring reads. The caller's bearer token is passed on
 * (org.eclipse.microprofile.rest.client.propagateHeaders), so budget-service applies the caller's own department
 * rules. Used only through {@link BudgetExecution}.
 */
@RegisterRestClient(configKey = "budget")
@RegisterClientHeaders
@RegisterProvider(PeerErrors.class)
// Every call within PeerBudget.TOTAL_MS (2.8 s): one attempt of at most 2.5 s, one retry after a fast failure (not
// after a time-out), a circuit that opens after 3 failures in 4 calls for 3 s. A 4xx is an answer, neither retried
// nor counted.
@Timeout(PeerBudget.ATTEMPT_MS)
@Retry(maxRetries = PeerBudget.MAX_RETRIES, delay = PeerBudget.RETRY_DELAY_MS, jitter = PeerBudget.RETRY_JITTER_MS, maxDuration = PeerBudget.TOTAL_MS, abortOn = {
        PeerErrors.NotFound.class, PeerErrors.Rejected.class,
        TimeoutException.class})
@CircuitBreaker(requestVolumeThreshold = PeerBudget.BREAKER_WINDOW, failureRatio = PeerBudget.BREAKER_FAILURE_RATIO, delay = PeerBudget.BREAKER_DELAY_MS, skipOn = {
        PeerErrors.NotFound.class, PeerErrors.Rejected.class})
@Path("/api/v1/execution")
interface BudgetExecutionApi {

    @GET
    List<Line> execution(@QueryParam("fiscalYear") int fiscalYear, @QueryParam("region") String region,
            @QueryParam("asOf") LocalDate asOf);

    /** A tolerant reader of budget-service's ExecutionLine: only what monitoring needs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(String departmentCode, String region, int fiscalYear, LocalDate asOf, long dataVersion,
            String projectCode, BigDecimal adjustedBudget, BigDecimal executed) {
    }
}
