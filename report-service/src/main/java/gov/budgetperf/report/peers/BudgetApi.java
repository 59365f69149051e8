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

/** budget-service's REST API, the part report-service reads. Used only through {@link BudgetClient}. */
@RegisterRestClient(configKey = "budget")
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
@Path("/api/v1/departments")
interface BudgetApi {

    @GET
    PeerModels.Page<PeerModels.Department> departments(@QueryParam("region") String region,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/{code}")
    PeerModels.Department department(@PathParam("code") String code);

    @GET
    @Path("/{code}/budgets/{year}/metrics")
    PeerModels.DepartmentMetrics metrics(@PathParam("code") String code, @PathParam("year") int year,
            @QueryParam("asOf") LocalDate asOf);

    @GET
    @Path("/{code}/budgets/{year}/projects")
    List<PeerModels.Project> projects(@PathParam("code") String code, @PathParam("year") int year);

    @GET
    @Path("/{code}/budgets/{year}/projects/{project}/metrics")
    PeerModels.ProjectMetrics projectMetrics(@PathParam("code") String code, @PathParam("year") int year,
            @PathParam("project") String project, @QueryParam("asOf") LocalDate asOf);
}
