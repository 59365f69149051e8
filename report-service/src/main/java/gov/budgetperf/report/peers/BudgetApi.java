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
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import gov.budgetperf.common.peer.PeerErrors;

/** budget-service's REST API, the part report-service reads. Used only through {@link BudgetClient}. */
@RegisterRestClient(configKey = "budget")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@RegisterProvider(PeerErrors.class)
// Every call: at most 8 s in all; transport errors and 5xx retried twice; after 4 calls with 3 failures the circuit
// opens for 3 s (calls fail at once, then one trial call). A 4xx is an answer, neither retried nor counted.
@Timeout(8000)
@Retry(maxRetries = 2, delay = 150, jitter = 100, abortOn = {PeerErrors.NotFound.class, PeerErrors.Rejected.class})
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 3000, skipOn = {PeerErrors.NotFound.class,
        PeerErrors.Rejected.class})
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
