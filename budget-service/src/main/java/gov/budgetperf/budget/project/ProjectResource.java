package gov.budgetperf.budget.project;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

import gov.budgetperf.budget.budget.AdjustmentInput;
import gov.budgetperf.budget.budget.AdjustmentView;
import gov.budgetperf.budget.budget.BudgetAdjustment;
import gov.budgetperf.budget.budget.BudgetMetricsService;
import gov.budgetperf.budget.budget.BudgetService;
import gov.budgetperf.common.security.Roles;
import gov.budgetperf.common.web.Versions;

@Path("/api/v1/departments/{code}/budgets/{year}/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "项目: projects, their budget changes (追加/调减/划出) and execution")
@SecurityRequirement(name = "jwt")
public class ProjectResource {

    @Inject
    ProjectService service;

    @Inject
    BudgetService budgets;

    @Inject
    BudgetMetricsService metrics;

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listProjects", summary = "Projects of a department-year")
    @APIResponse(responseCode = "200", description = "The projects")
    public List<ProjectView> list(@PathParam("code") String code, @PathParam("year") int year) {
        return service.list(code, year).stream().map(ProjectView::of).toList();
    }

    @POST
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "createProject", summary = "Create a project")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response create(@PathParam("code") String code, @PathParam("year") int year, @NotNull @Valid ProjectInput in) {
        Project p = service.create(code, year, in);
        return Response.status(201).entity(ProjectView.of(p)).tag(Versions.etag(p.version)).build();
    }

    @GET
    @Path("/{projectCode}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getProject", summary = "A project; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The project", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response get(@PathParam("code") String code, @PathParam("year") int year,
            @PathParam("projectCode") String projectCode) {
        Project p = service.get(code, year, projectCode);
        return Response.ok(ProjectView.of(p)).tag(Versions.etag(p.version)).build();
    }

    @PUT
    @Path("/{projectCode}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "updateProject", summary = "Replace a project's data; If-Match required")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response update(@PathParam("code") String code, @PathParam("year") int year,
            @PathParam("projectCode") String projectCode, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ProjectInput in) {
        Project p = service.update(code, year, projectCode, in, ifMatch);
        return Response.ok(ProjectView.of(p)).tag(Versions.etag(p.version)).build();
    }

    @GET
    @Path("/{projectCode}/changes")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listProjectChanges", summary = "Budget changes of a project, by date")
    @APIResponse(responseCode = "200", description = "The changes")
    public List<AdjustmentView> changes(@PathParam("code") String code, @PathParam("year") int year,
            @PathParam("projectCode") String projectCode) {
        Project p = service.get(code, year, projectCode);
        return BudgetAdjustment.<BudgetAdjustment>list("project = ?1 order by date, id", p).stream()
                .map(AdjustmentView::of).toList();
    }

    @POST
    @Path("/{projectCode}/changes")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "addProjectChange", summary = "Record a dated budget change of a project (追加/调减/划出)")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = AdjustmentView.class)))
    public Response change(@PathParam("code") String code, @PathParam("year") int year,
            @PathParam("projectCode") String projectCode, @NotNull @Valid AdjustmentInput in) {
        Project p = service.getForWrite(code, year, projectCode);
        return Response.status(201).entity(AdjustmentView.of(budgets.adjust(code, year, p, in))).build();
    }

    @GET
    @Path("/{projectCode}/metrics")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getProjectMetrics", summary = "Project execution (项目执行率, 序时进度) as of a date")
    @APIResponse(responseCode = "200", description = "The metrics", content = @Content(schema = @Schema(implementation = ProjectMetrics.class)))
    public ProjectMetrics metrics(@PathParam("code") String code, @PathParam("year") int year,
            @PathParam("projectCode") String projectCode,
            @QueryParam("asOf") @Parameter(description = "Date of the figures (default: end of the fiscal year)") LocalDate asOf) {
        Project p = service.get(code, year, projectCode);
        return metrics.project(p, asOf == null ? LocalDate.of(year, 12, 31) : asOf, p.budget.dataVersion);
    }
}
