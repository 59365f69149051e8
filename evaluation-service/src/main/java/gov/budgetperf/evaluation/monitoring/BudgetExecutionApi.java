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
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import gov.budgetperf.common.peer.PeerErrors;

/**
 * budget-service's execution figures cut at a date, the part monitoring reads. The caller's bearer token is passed on
 * (org.eclipse.microprofile.rest.client.propagateHeaders), so budget-service applies the caller's own department
 * rules. Used only through {@link BudgetExecution}.
 */
@RegisterRestClient(configKey = "budget")
@RegisterClientHeaders
@RegisterProvider(PeerErrors.class)
// Every call: at most 5 s in all; transport errors and 5xx retried once; after 4 calls with 3 failures the circuit
// opens for 3 s (calls fail at once with 503, then one trial call). A 4xx is an answer, neither retried nor counted.
@Timeout(5000)
@Retry(maxRetries = 1, delay = 100, jitter = 50, abortOn = {PeerErrors.NotFound.class, PeerErrors.Rejected.class})
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 3000, skipOn = {PeerErrors.NotFound.class,
        PeerErrors.Rejected.class})
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
