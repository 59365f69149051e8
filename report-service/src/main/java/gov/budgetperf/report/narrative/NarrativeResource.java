package gov.budgetperf.report.narrative;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.budgetperf.common.security.CallerAccess;
import gov.budgetperf.common.security.Roles;
import gov.budgetperf.common.web.Versions;
import gov.budgetperf.report.content.SectionKey;

/** Narrative sections written by departments (a department reads and writes only its own). */
@Path("/api/v1/narratives/{departmentCode}/{fiscalYear}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "narratives", description = "叙述部分: sections of the self-evaluation report written by departments")
public class NarrativeResource {

    @Inject
    NarrativeService service;

    @Inject
    CallerAccess access;

    @GET
    @Path("/sections")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listNarratives", summary = "The sections written for a department-year (or one of its projects)")
    public List<NarrativeInputs.SectionView> list(@PathParam("departmentCode") String code,
            @PathParam("fiscalYear") int year,
            @QueryParam("project") @Parameter(description = "A project code; omit for the department as a whole") String project) {
        access.requireRead(code);
        return service.list(code, year, nz(project)).stream().map(NarrativeInputs.SectionView::of).toList();
    }

    @GET
    @Path("/sections/{section}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getNarrative", summary = "One section, with its version as ETag")
    @APIResponse(responseCode = "200", description = "The section", content = @Content(schema = @Schema(implementation = NarrativeInputs.SectionView.class)))
    public Response get(@PathParam("departmentCode") String code, @PathParam("fiscalYear") int year,
            @PathParam("section") SectionKey section, @QueryParam("project") String project) {
        access.requireRead(code);
        Narrative n = service.get(code, year, nz(project), section);
        return Response.ok(NarrativeInputs.SectionView.of(n)).tag(Versions.etag(n.version)).build();
    }

    @PUT
    @Path("/sections/{section}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "saveNarrative", summary = "Write a section (If-Match with the ETag to change one; none to create)", description = "Documents built from the department-year's narratives are marked stale.")
    @APIResponse(responseCode = "200", description = "The saved section", content = @Content(schema = @Schema(implementation = NarrativeInputs.SectionView.class)))
    public Response save(@PathParam("departmentCode") @Size(max = 40) String departmentCode,
            @PathParam("fiscalYear") @Min(2000) @Max(2100) int year, @PathParam("section") SectionKey section,
            @QueryParam("project") @Size(max = 60) String project, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid NarrativeInputs.SectionInput in) {
        access.requireWrite(departmentCode);
        Narrative n = service.save(departmentCode, year, nz(project), section, in.content(), ifMatch, access.user());
        return Response.ok(NarrativeInputs.SectionView.of(n)).tag(Versions.etag(n.version)).build();
    }

    @GET
    @Path("/sections/{section}/revisions")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR})
    @Operation(operationId = "listNarrativeRevisions", summary = "Every version of a section, oldest first")
    public List<NarrativeInputs.RevisionView> revisions(@PathParam("departmentCode") String code,
            @PathParam("fiscalYear") int year, @PathParam("section") SectionKey section,
            @QueryParam("project") String project) {
        access.requireRead(code);
        return service.revisions(service.get(code, year, nz(project), section));
    }

    @GET
    @Path("/tasks")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getTasks", summary = "主要任务 of the department-year's form")
    @APIResponse(responseCode = "200", description = "The task list", content = @Content(schema = @Schema(implementation = NarrativeInputs.TaskListView.class)))
    public Response tasks(@PathParam("departmentCode") String code, @PathParam("fiscalYear") int year) {
        access.requireRead(code);
        TaskList list = service.taskList(code, year);
        if (list == null) {
            return Response.ok(new NarrativeInputs.TaskListView(code, year, List.of(), -1)).build();
        }
        return Response.ok(view(list)).tag(Versions.etag(list.version)).build();
    }

    @PUT
    @Path("/tasks")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "saveTasks", summary = "Replace the task list (If-Match with the ETag to change it; none to create)")
    @APIResponse(responseCode = "200", description = "The saved task list", content = @Content(schema = @Schema(implementation = NarrativeInputs.TaskListView.class)))
    public Response saveTasks(@PathParam("departmentCode") @Size(max = 40) String departmentCode,
            @PathParam("fiscalYear") @Min(2000) @Max(2100) int year, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid NarrativeInputs.TaskListInput in) {
        access.requireWrite(departmentCode);
        TaskList list = service.saveTasks(departmentCode, year, in.tasks(), ifMatch, access.user());
        return Response.ok(view(list)).tag(Versions.etag(list.version)).build();
    }

    private NarrativeInputs.TaskListView view(TaskList list) {
        return new NarrativeInputs.TaskListView(list.departmentCode, list.fiscalYear, service.tasks(list), list.version);
    }

    private static String nz(String project) {
        return project == null ? "" : project.trim();
    }
}
