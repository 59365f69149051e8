package gov.budgetperf.budget.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.security.Roles;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk import of ledger entries and budgets from CSV or XLSX, all-or-nothing per file")
@SecurityRequirement(name = "jwt")
public class ImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ImportService service;

    @POST
    @Path("/expenditures")
    @Consumes({"text/csv", XLSX})
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "importExpenditures", summary = "Import ledger entries", description = "Columns (header row, English or Chinese): department_code 部门编码, fiscal_year 年度, date 日期, amount 金额, expenditure_type 支出类型 (PERSONNEL/PUBLIC_FUNDS/PROJECT or 人员经费/日常公用经费/项目支出; PROJECT when project_code is set), funding_source 资金来源, project_code 项目编码, economic_class 经济分类, three_public 三公经费, description 摘要. All rows or none; the same file again changes nothing.")
    @RequestBody(content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Imported", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "200", description = "This file was imported before; nothing changed", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    public Response expenditures(InputStream body, @HeaderParam("Content-Type") String contentType,
            @QueryParam("fileName") @Size(max = 300) @Parameter(description = "Original file name, for the record (at most 300 characters)") String fileName)
            throws IOException {
        return run(body, upload -> service.importExpenditures(upload, format(contentType), fileName));
    }

    @POST
    @Path("/budgets")
    @Consumes({"text/csv", XLSX})
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT})
    @Operation(operationId = "importBudgets", summary = "Import initial budgets (年初预算)", description = "Columns: department_code 部门编码, fiscal_year 年度, expenditure_type 支出类型, funding_source 资金来源, amount 金额. Each row sets one cell of a department-year's initial budget (the budget is created when missing). All rows or none; the same file again changes nothing.")
    @RequestBody(content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Imported", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "200", description = "This file was imported before; nothing changed", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    public Response budgets(InputStream body, @HeaderParam("Content-Type") String contentType,
            @QueryParam("fileName") @Size(max = 300) String fileName) throws IOException {
        return run(body, upload -> service.importBudgets(upload, format(contentType), fileName));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR})
    @Operation(operationId = "getImport", summary = "An import batch")
    @APIResponse(responseCode = "200", description = "The batch", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    public ImportReport get(@PathParam("id") long id) {
        return service.get(id);
    }

    /** Receives the upload into a temporary file, imports it, removes the file: 201 imported, 200 a repeat. */
    private static Response run(InputStream body, java.util.function.Function<ImportService.Upload, ImportReport> importer)
            throws IOException {
        ImportService.Upload upload = ImportService.receive(body);
        try {
            ImportReport r = importer.apply(upload);
            return Response.status("IMPORTED".equals(r.status()) ? 201 : 200).entity(r).build();
        } finally {
            Files.deleteIfExists(upload.file());
        }
    }

    private static TabularReader.Format format(String contentType) {
        if (contentType == null) {
            throw ProblemException.invalid("Content-Type", "text/csv or " + XLSX);
        }
        return contentType.startsWith(XLSX) ? TabularReader.Format.XLSX : TabularReader.Format.CSV;
    }
}
