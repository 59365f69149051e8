package gov.budgetperf.evaluation.ruleset;

import java.util.List;

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
import gov.budgetperf.evaluation.evaluation.EvaluationService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rule sets", description = "指标体系: indicator trees, scoring rules and grade bands as versioned data")
@SecurityRequirement(name = "jwt")
public class RuleSetResource {

    @Inject
    RuleSetService service;

    @Inject
    EvaluationService evaluations;

    @GET
    @Path("/rule-sets")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listRuleSets", summary = "Rule set versions, by code and version")
    @APIResponse(responseCode = "200", description = "A page of rule sets")
    public Page<RuleSetView> list(@QueryParam("code") String code,
            @QueryParam("subjectType") RuleSet.SubjectType subjectType, @Valid @BeanParam PageRequest page) {
        return service.list(code, subjectType, page).map(RuleSetView::of);
    }

    @GET
    @Path("/rule-sets/{code}/versions/{version}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getRuleSet", summary = "One version of a rule set; the ETag is its row version")
    @APIResponse(responseCode = "200", description = "The rule set", content = @Content(schema = @Schema(implementation = RuleSetView.class)))
    public Response get(@PathParam("code") String code, @PathParam("version") int version) {
        RuleSet r = service.get(code, version);
        return Response.ok(RuleSetView.of(r)).tag(Versions.etag(r.rowVersion)).build();
    }

    @POST
    @Path("/rule-sets")
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "createRuleSet", summary = "Create a draft rule set, or the next version of an existing code", description = "Refused with 422 naming each offending node when weights do not add up or a rule is invalid.")
    @APIResponse(responseCode = "201", description = "The draft", content = @Content(schema = @Schema(implementation = RuleSetView.class)))
    public Response create(@NotNull @Valid RuleSetInput in) {
        RuleSet r = service.create(in);
        return Response.status(201).entity(RuleSetView.of(r)).tag(Versions.etag(r.rowVersion))
                .header("Location", "/api/v1/rule-sets/" + r.code + "/versions/" + r.version).build();
    }

    @PUT
    @Path("/rule-sets/{code}/versions/{version}")
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "updateRuleSet", summary = "Replace a draft; If-Match required; a published version is immutable (409)")
    @APIResponse(responseCode = "200", description = "The draft", content = @Content(schema = @Schema(implementation = RuleSetView.class)))
    public Response update(@PathParam("code") String code, @PathParam("version") int version,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid RuleSetInput in) {
        RuleSet r = service.update(code, version, in, ifMatch);
        return Response.ok(RuleSetView.of(r)).tag(Versions.etag(r.rowVersion)).build();
    }

    @POST
    @Path("/rule-sets/{code}/versions/{version}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "publishRuleSet", summary = "Publish a draft: from then on it is immutable and evaluations may use it")
    @APIResponse(responseCode = "200", description = "The published rule set", content = @Content(schema = @Schema(implementation = RuleSetView.class)))
    public Response publish(@PathParam("code") String code, @PathParam("version") int version,
            @HeaderParam("If-Match") String ifMatch) {
        RuleSet r = service.publish(code, version, ifMatch);
        return Response.ok(RuleSetView.of(r)).tag(Versions.etag(r.rowVersion)).build();
    }

    @POST
    @Path("/rule-sets/{code}/versions/{version}/rescore")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "migrateEvaluations", summary = "Move draft and returned evaluations of earlier versions of this rule set to this version and rescore them")
    @APIResponse(responseCode = "200", description = "How many evaluations moved, and how long it took")
    public EvaluationService.Migration rescore(@PathParam("code") String code, @PathParam("version") int version) {
        return evaluations.migrate(code, version);
    }

    @GET
    @Path("/grade-band-sets")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listGradeBandSets", summary = "Grade band sets (评价等级)")
    @APIResponse(responseCode = "200", description = "All band sets")
    public List<GradeBandSet> bandSets() {
        return service.bandSets();
    }

    @POST
    @Path("/grade-band-sets")
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "createGradeBandSet", summary = "Define a grade band set (immutable once created)")
    @APIResponse(responseCode = "201", description = "Created")
    public Response createBandSet(@NotNull @Valid GradeBandSetInput in) {
        return Response.status(201).entity(service.createBandSet(in)).build();
    }
}
