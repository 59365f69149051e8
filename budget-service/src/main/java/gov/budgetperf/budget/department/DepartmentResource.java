package gov.budgetperf.budget.department;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.budgetperf.common.security.Roles;
import gov.budgetperf.common.web.Page;
import gov.budgetperf.common.web.PageRequest;
import gov.budgetperf.common.web.Versions;

@Path("/api/v1/departments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Departments", description = "部门/单位")
@SecurityRequirement(name = "jwt")
public class DepartmentResource {

    @Inject
    DepartmentService service;

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listDepartments", summary = "List departments (a department sees only itself)")
    @APIResponse(responseCode = "200", description = "A page of departments")
    public Page<DepartmentView> list(@QueryParam("region") String region, @Valid @BeanParam PageRequest page) {
        return service.list(region, page);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getDepartment", summary = "Read a department; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The department", content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    public Response get(@PathParam("code") String code) {
        Department d = service.get(code);
        return Response.ok(DepartmentView.of(d)).tag(Versions.etag(d.version)).build();
    }

    @POST
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "createDepartment", summary = "Create a department (finance only)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    public Response create(@NotNull @Valid DepartmentInput in) {
        Department d = service.create(in);
        return Response.status(201).entity(DepartmentView.of(d)).tag(Versions.etag(d.version))
                .header("Location", "/api/v1/departments/" + d.code).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "updateDepartment", summary = "Replace a department's data; If-Match with the ETag is required")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    public Response update(@PathParam("code") String code,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid DepartmentInput in) {
        Department d = service.update(code, in, ifMatch);
        return Response.ok(DepartmentView.of(d)).tag(Versions.etag(d.version)).build();
    }
}
