package gov.budgetperf.report.peers;

import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import gov.budgetperf.common.peer.PeerBudget;
import gov.budgetperf.common.peer.PeerErrors;

/** evaluation-service's REST API, the part report-service reads. Used only through {@link EvaluationClient}. */
@RegisterRestClient(configKey = "evaluation")
@RegisterClientHeaders(ServiceTokenHeaders.class)
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
@Path("/api/v1")
interface EvaluationApi {

    @GET
    @Path("/evaluations")
    PeerModels.Page<PeerModels.Evaluation> evaluations(@QueryParam("departmentCode") String departmentCode,
            @QueryParam("fiscalYear") int fiscalYear, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/evaluations/{id}")
    PeerModels.Evaluation evaluation(@PathParam("id") long id);

    @GET
    @Path("/monitoring")
    List<PeerModels.MonitoringLine> monitoring(@QueryParam("fiscalYear") int fiscalYear,
            @QueryParam("region") String region, @QueryParam("asOf") LocalDate asOf);
}
