package gov.budgetperf.evaluation.evaluation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.budgetperf.common.security.Roles;
import gov.budgetperf.common.web.Page;
import gov.budgetperf.common.web.PageRequest;
import gov.budgetperf.common.web.Versions;
import gov.budgetperf.evaluation.evaluation.EvaluationViews.AuditView;
import gov.budgetperf.evaluation.evaluation.EvaluationViews.EvaluationView;
import gov.budgetperf.evaluation.evaluation.EvaluationViews.Finding;
import gov.budgetperf.evaluation.evaluation.EvaluationViews.StepView;

@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
// Every operation reads JSON only, the workflow steps too (their comment body may be left out): another Content-Type
// is a 415 problem.
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "绩效评价: indicator trees filled in by departments, scored by the rule set's rules")
@SecurityRequirement(name = "jwt")
public class EvaluationResource {

    @Inject
    EvaluationService service;

    private static Response ok(Evaluation e, int status) {
        return Response.status(status).entity(EvaluationView.of(e, true)).tag(Versions.etag(e.version)).build();
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listEvaluations", summary = "Evaluations (a department sees only its own)")
    @APIResponse(responseCode = "200", description = "A page of evaluations, without their indicators")
    public Page<EvaluationView> list(@QueryParam("departmentCode") String departmentCode,
            @QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("status") Evaluation.Status status,
            @Valid @BeanParam PageRequest page) {
        return service.list(departmentCode, fiscalYear, status, page).map(e -> EvaluationView.of(e, false));
    }

    @POST
    @Transactional // the view is built from the entity before the transaction ends
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "createEvaluation", summary = "Start an evaluation from a published rule-set version")
    @APIResponse(responseCode = "201", description = "The evaluation, its tree instantiated", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public Response create(@NotNull @Valid EvaluationInputs.Create in) {
        return ok(service.create(in), 201);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getEvaluation", summary = "An evaluation with its indicators, scores and explanations; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The evaluation", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public Response get(@PathParam("id") long id) {
        return ok(service.read(id), 200);
    }

    @PUT
    @Transactional
    @Path("/{id}/indicators/{code}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "setIndicatorValues", summary = "Fill in an indicator (target, actual, band, score, reason, measure); If-Match required")
    @APIResponse(responseCode = "200", description = "The rescored evaluation", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public Response values(@PathParam("id") long id, @PathParam("code") String code,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid EvaluationInputs.Values in) {
        return ok(service.updateValues(id, code, in, ifMatch), 200);
    }

    @PUT
    @Transactional
    @Path("/{id}/declared-rates")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "declareRates", summary = "Record the rates typed into the form; the checks compare them with the budget figures. If-Match required")
    @APIResponse(responseCode = "200", description = "The evaluation", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public Response declare(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid EvaluationInputs.DeclaredRates in) {
        return ok(service.declareRates(id, in, ifMatch), 200);
    }

    @PUT
    @Transactional
    @Path("/{id}/execution-explanations")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "explainExecution", summary = "Why execution rates lie outside 90–100 % where no indicator says it: the subject's own and each project's; If-Match required")
    @APIResponse(responseCode = "200", description = "The evaluation", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public Response explainExecution(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid EvaluationInputs.ExecutionExplanations in) {
        return ok(service.explainExecution(id, in, ifMatch), 200);
    }

    @PUT
    @Transactional
    @Path("/{id}/indicators/{code}/likelihood")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "setIndicatorLikelihood", summary = "In-year monitoring: will the indicator reach its target? If-Match required")
    @APIResponse(responseCode = "200", description = "The evaluation", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public Response likelihood(@PathParam("id") long id, @PathParam("code") String code,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid EvaluationInputs.LikelihoodInput in) {
        return ok(service.setLikelihood(id, code, in, ifMatch), 200);
    }

    @POST
    @Transactional // the view is built from the entity before the transaction ends
    @Path("/{id}/indicators")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "addIndicator", summary = "Add a third-level indicator under an extensible second-level one; If-Match required")
    @APIResponse(responseCode = "201", description = "The evaluation", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public Response add(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid EvaluationInputs.Custom in) {
        return ok(service.addIndicator(id, in, ifMatch), 201);
    }

    @DELETE
    @Transactional
    @Path("/{id}/indicators/{code}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "removeIndicator", summary = "Remove an indicator the department added; If-Match required")
    @APIResponse(responseCode = "200", description = "The evaluation", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public Response remove(@PathParam("id") long id, @PathParam("code") String code,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(service.removeIndicator(id, code, ifMatch), 200);
    }

    @GET
    @Path("/{id}/findings")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "checkEvaluation", summary = "Run the checks; an ERROR finding blocks submission")
    @APIResponse(responseCode = "200", description = "The findings")
    public List<Finding> findings(@PathParam("id") long id) {
        return service.findings(id);
    }

    @POST
    @Transactional // the view is built from the entity before the transaction ends
    @Path("/{id}/submit")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "submitEvaluation", summary = "Submit (DRAFT/RETURNED → SUBMITTED); refused with 422 listing the ERROR findings")
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public Response submit(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = false, description = "An optional comment; the body may be left out") EvaluationInputs.Comment comment) {
        return ok(service.submit(id, comment == null ? null : comment.comment(), ifMatch), 200);
    }

    @POST
    @Transactional // the view is built from the entity before the transaction ends
    @Path("/{id}/return")
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "returnEvaluation", summary = "Return to the department (SUBMITTED → RETURNED), with a comment")
    @APIResponse(responseCode = "200", description = "Returned", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public Response giveBack(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = false, description = "An optional comment; the body may be left out") EvaluationInputs.Comment comment) {
        return ok(service.transition(id, Evaluation.Status.RETURNED, comment == null ? null : comment.comment(), ifMatch),
                200);
    }

    @POST
    @Transactional // the view is built from the entity before the transaction ends
    @Path("/{id}/approve")
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "approveEvaluation", summary = "Approve (SUBMITTED → APPROVED)")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public Response approve(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = false, description = "An optional comment; the body may be left out") EvaluationInputs.Comment comment) {
        return ok(service.transition(id, Evaluation.Status.APPROVED, comment == null ? null : comment.comment(), ifMatch),
                200);
    }

    @POST
    @Transactional // the view is built from the entity before the transaction ends
    @Path("/{id}/publish")
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "publishEvaluation", summary = "Publish (APPROVED → PUBLISHED)")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public Response publish(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = false, description = "An optional comment; the body may be left out") EvaluationInputs.Comment comment) {
        return ok(service.transition(id, Evaluation.Status.PUBLISHED, comment == null ? null : comment.comment(), ifMatch),
                200);
    }

    @GET
    @Path("/{id}/steps")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listEvaluationSteps", summary = "Workflow steps: who, when, comment")
    @APIResponse(responseCode = "200", description = "The steps")
    public List<StepView> steps(@PathParam("id") long id) {
        return service.steps(id);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR})
    @Operation(operationId = "listEvaluationAudit", summary = "Audit trail: every change, who made it, what it was")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    public Page<AuditView> audit(@PathParam("id") long id, @Valid @BeanParam PageRequest page) {
        return service.audit(id, page);
    }
}
