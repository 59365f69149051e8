package gov.budgetperf.budget.ledger;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.budgetperf.common.security.Roles;
import gov.budgetperf.common.web.Page;
import gov.budgetperf.common.web.PageRequest;

@Path("/api/v1/departments/{code}/budgets/{year}/expenditures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Expenditures", description = "支出台账: the append-only expenditure ledger; corrections are reversals")
@SecurityRequirement(name = "jwt")
public class LedgerResource {

    @Inject
    LedgerService service;

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listExpenditures", summary = "Ledger entries of a department-year, by date")
    @APIResponse(responseCode = "200", description = "A page of entries")
    public Page<ExpenditureView> list(@PathParam("code") String code, @PathParam("year") int year,
            @QueryParam("project") String project, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @Valid @BeanParam PageRequest page) {
        return service.list(code, year, project, from, to, page).map(ExpenditureView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getExpenditure", summary = "One ledger entry")
    @APIResponse(responseCode = "200", description = "The entry", content = @Content(schema = @Schema(implementation = ExpenditureView.class)))
    public ExpenditureView get(@PathParam("code") String code, @PathParam("year") int year, @PathParam("id") long id) {
        return ExpenditureView.of(service.get(code, year, id));
    }

    @POST
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "recordExpenditure", summary = "Append a ledger entry")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ExpenditureView.class)))
    public Response record(@PathParam("code") String code, @PathParam("year") int year,
            @NotNull @Valid ExpenditureInput in) {
        return Response.status(201).entity(ExpenditureView.of(service.record(code, year, in))).build();
    }

    @POST
    @Path("/{id}/reversal")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "reverseExpenditure", summary = "Reverse a ledger entry with a negative entry (冲销)")
    @APIResponse(responseCode = "201", description = "The reversing entry", content = @Content(schema = @Schema(implementation = ExpenditureView.class)))
    public Response reverse(@PathParam("code") String code, @PathParam("year") int year, @PathParam("id") long id,
            @NotNull @Valid ReversalInput in) {
        return Response.status(201).entity(ExpenditureView.of(service.reverse(code, year, id, in))).build();
    }
}
