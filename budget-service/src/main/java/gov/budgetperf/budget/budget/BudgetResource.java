package gov.budgetperf.budget.budget;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.budgetperf.common.security.Roles;
import gov.budgetperf.common.web.Versions;

@Path("/api/v1/departments/{code}/budgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Budgets", description = "部门预算: department budgets per fiscal year, adjustments and derived metrics")
@SecurityRequirement(name = "jwt")
public class BudgetResource {

    @Inject
    BudgetService service;

    @Inject
    BudgetMetricsService metrics;

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listBudgets", summary = "The budgets of a department, one per fiscal year")
    @APIResponse(responseCode = "200", description = "Budgets by year")
    public List<BudgetView> list(@PathParam("code") String code) {
        return service.list(code).stream().map(BudgetView::of).toList();
    }

    @GET
    @Path("/{year}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getBudget", summary = "A department's budget of one year; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The budget", content = @Content(schema = @Schema(implementation = BudgetView.class)))
    public Response get(@PathParam("code") String code, @PathParam("year") int year) {
        DepartmentBudget b = service.get(code, year);
        return Response.ok(BudgetView.of(b)).tag(Versions.etag(b.version)).build();
    }

    @POST
    @Path("/{year}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "createBudget", summary = "Create the budget of a department-year")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = BudgetView.class)))
    public Response create(@PathParam("code") String code, @PathParam("year") @Min(2000) @Max(2100) int year,
            @NotNull @Valid BudgetInput in) {
        DepartmentBudget b = service.create(code, year, in);
        return Response.status(201).entity(BudgetView.of(b)).tag(Versions.etag(b.version))
                .header("Location", "/api/v1/departments/" + code + "/budgets/" + year).build();
    }

    @PUT
    @Path("/{year}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "updateBudget", summary = "Replace the budget of a department-year; If-Match with the ETag is required")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = BudgetView.class)))
    public Response update(@PathParam("code") String code, @PathParam("year") int year,
            @HeaderParam("If-Match") @Parameter(description = "The ETag read last") String ifMatch,
            @NotNull @Valid BudgetInput in) {
        DepartmentBudget b = service.update(code, year, in, ifMatch);
        return Response.ok(BudgetView.of(b)).tag(Versions.etag(b.version)).build();
    }

    @GET
    @Path("/{year}/metrics")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getBudgetMetrics", summary = "Derived metrics (execution rate, adjustment rate, 三公, 序时进度 …) as of a date")
    @APIResponse(responseCode = "200", description = "The metrics", content = @Content(schema = @Schema(implementation = DepartmentMetrics.class)))
    public DepartmentMetrics metrics(@PathParam("code") String code, @PathParam("year") int year,
            @QueryParam("asOf") @Parameter(description = "Date of the figures (default: the end of the fiscal year)") LocalDate asOf,
            @QueryParam("carryOverDenominator") @Parameter(description = "Denominator of the carry-over rate (default from configuration)") CarryOverDenominator denominator) {
        DepartmentBudget b = service.get(code, year);
        return metrics.departmentForRead(b, asOf == null ? LocalDate.of(year, 12, 31) : asOf, denominator);
    }

    @GET
    @Path("/{year}/adjustments")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listAdjustments", summary = "Budget adjustments of a department-year, by date")
    @APIResponse(responseCode = "200", description = "The adjustments")
    public List<AdjustmentView> adjustments(@PathParam("code") String code, @PathParam("year") int year) {
        return service.adjustments(code, year).stream().map(AdjustmentView::of).toList();
    }

    @POST
    @Path("/{year}/adjustments")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "addAdjustment", summary = "Record a dated budget adjustment (追加/调减/划出)")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = AdjustmentView.class)))
    public Response adjust(@PathParam("code") String code, @PathParam("year") int year,
            @NotNull @Valid AdjustmentInput in) {
        return Response.status(201).entity(AdjustmentView.of(service.adjust(code, year, null, in))).build();
    }
}
