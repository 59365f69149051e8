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

/** evaluation-service's REST API, the part report-service reads. Used only through {@link EvaluationClient}. */
@RegisterRestClient(configKey = "evaluation")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@RegisterProvider(PeerErrors.class)
// Every call: at most 8 s in all; transport errors and 5xx retried twice; after 4 calls with 3 failures the circuit
// opens for 3 s (calls fail at once, then one trial call). A 4xx is an answer, neither retried nor counted.
@Timeout(8000)
@Retry(maxRetries = 2, delay = 150, jitter = 100, abortOn = {PeerErrors.NotFound.class, PeerErrors.Rejected.class})
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 3000, skipOn = {PeerErrors.NotFound.class,
        PeerErrors.Rejected.class})
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
