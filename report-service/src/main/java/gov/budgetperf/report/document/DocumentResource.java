package gov.budgetperf.report.document;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.security.CallerAccess;
import gov.budgetperf.common.security.Roles;
import gov.budgetperf.common.web.Page;
import gov.budgetperf.common.web.PageRequest;
import gov.budgetperf.common.web.Versions;

/** Generated documents: ask for one, read its metadata and inputs, download it, regenerate it. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports", description = "自评表、自评报告、汇总与开放数据: generated documents with the versions of their inputs")
public class DocumentResource {

    @Inject
    DocumentService service;

    @Inject
    CallerAccess access;

    @POST
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR})
    @Operation(operationId = "createReport", summary = "Generate a document now and keep it", description = "Fetches the figures from budget-service and evaluation-service; a department may generate only its own documents, region documents are for finance and auditors. 503 names the peer that is down.")
    @APIResponse(responseCode = "201", description = "The document's metadata; the bytes are at its /content", content = @Content(schema = @Schema(implementation = DocumentViews.View.class)))
    public Response create(@NotNull @Valid DocumentViews.Create in) {
        DocumentRenderer.Request request = new DocumentRenderer.Request(in.type(), in.format(), trim(in.departmentCode()),
                in.fiscalYear(), trim(in.projectCode()), trim(in.region()), in.asOf());
        if (in.asOf() != null && in.type().subject() != DocumentType.Subject.REGION) {
            throw ProblemException.invalid("asOf", "applies to region documents only (" + in.type() + " is of the year)");
        }
        if (in.asOf() != null && in.asOf().getYear() != in.fiscalYear()) {
            throw ProblemException.invalid("asOf", "must fall in fiscal year " + in.fiscalYear());
        }
        switch (in.type().subject()) {
            case DEPARTMENT, PROJECT -> {
                if (request.departmentCode() == null) {
                    throw ProblemException.invalid("departmentCode", "required for " + in.type());
                }
                access.requireRead(request.departmentCode());
            }
            case REGION -> {
                if (access.restrictedDepartment() != null) {
                    throw ProblemException.forbidden("Region documents are for the finance bureau and auditors");
                }
            }
        }
        Document d = service.create(request, in.keepCurrent(), access.user());
        return Response.created(URI.create("/api/v1/reports/" + d.id)).entity(service.view(d))
                .tag(Versions.etag(d.version)).build();
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listReports", summary = "Generated documents (a department sees only its own)")
    public Page<DocumentViews.View> list(@QueryParam("departmentCode") String departmentCode,
            @QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("type") DocumentType type,
            @QueryParam("stale") Boolean stale, @Valid @BeanParam PageRequest page) {
        Page<Document> documents = service.list(departmentCode, fiscalYear, type, stale,
                access.restrictedDepartment(), page);
        return new Page<>(service.views(documents.items()), documents.page(), documents.size(), documents.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "getReport", summary = "A document's metadata: checksum, inputs and whether it is stale")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(schema = @Schema(implementation = DocumentViews.View.class)))
    public Response get(@PathParam("id") long id) {
        Document d = readable(id);
        return Response.ok(service.view(d)).tag(Versions.etag(d.version)).build();
    }

    @GET
    @Path("/{id}/content")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "downloadReport", summary = "The document's bytes (XLSX, DOCX, PDF, HTML, JSON or CSV)", description = "ETag is the SHA-256 of the bytes; header X-Report-Stale says whether an input changed since.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response content(@PathParam("id") long id) {
        Document d = readable(id);
        String encoded = URLEncoder.encode(d.fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(service.content(id)).type(d.mediaType).tag(new EntityTag(d.sha256))
                .header("Content-Disposition", "attachment; filename=\"report-" + d.id + "."
                        + d.format.extension() + "\"; filename*=UTF-8''" + encoded)
                .header("X-Report-Stale", Boolean.toString(d.stale)).build();
    }

    @POST
    @Path("/{id}/regenerate")
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR})
    @Operation(operationId = "regenerateReport", summary = "Render the document again from the current figures")
    @APIResponse(responseCode = "200", description = "The regenerated document", content = @Content(schema = @Schema(implementation = DocumentViews.View.class)))
    public Response regenerate(@PathParam("id") long id) {
        readable(id);
        Document d = service.regenerate(id, access.user());
        return Response.ok(service.view(d)).tag(Versions.etag(d.version)).build();
    }

    private Document readable(long id) {
        Document d = service.get(id);
        String own = access.restrictedDepartment();
        if (own != null && !own.equals(d.departmentCode)) {
            // not 403: a department does not learn which documents of others exist
            throw ProblemException.notFound("Report " + id + " not found");
        }
        return d;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
