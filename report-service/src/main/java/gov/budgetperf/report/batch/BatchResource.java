package gov.budgetperf.report.batch;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.budgetperf.common.security.CallerAccess;
import gov.budgetperf.common.security.Roles;

/** Batch generation of department documents for a region and year. */
@Path("/api/v1/report-batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "report-batches", description = "批量生成: a department document for every department of a region")
public class BatchResource {

    @Inject
    BatchService service;

    @Inject
    CallerAccess access;

    @POST
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "createReportBatch", summary = "Start generating a document for every department of a region", description = "Runs in the background; follow its progress at the returned location.")
    @APIResponse(responseCode = "202", description = "The job, queued", content = @Content(schema = @Schema(implementation = BatchViews.View.class)))
    public Response create(@NotNull @Valid BatchViews.Create in) {
        access.requireFinance(); // a region's departments: not for a token bound to one department
        BatchJob job = service.create(in, access.user());
        service.start(job.id);
        return Response.accepted(service.view(job.id)).location(URI.create("/api/v1/report-batches/" + job.id))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR})
    @Operation(operationId = "getReportBatch", summary = "A batch job's progress (done/total) and its failed items")
    public BatchViews.View get(@PathParam("id") long id) {
        access.requireAllDepartments(); // a batch spans a region's departments
        return service.view(id);
    }
}
