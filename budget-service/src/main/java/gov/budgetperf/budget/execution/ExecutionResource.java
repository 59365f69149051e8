package gov.budgetperf.budget.execution;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.budgetperf.common.security.CallerAccess;
import gov.budgetperf.common.security.Roles;
import gov.budgetperf.common.time.BusinessCalendar;

@Path("/api/v1/execution")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Execution", description = "预算执行: budget and spending of every department and project, cut at a date")
@SecurityRequirement(name = "jwt")
public class ExecutionResource {

    @Inject
    ExecutionRepository repository;

    @Inject
    CallerAccess access;

    @Inject
    BusinessCalendar calendar;

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listExecution", summary = "Budget and spending of every department-year and project of a year, cut at a date", description = "One line per department-year (projectCode null) and one per project, ordered by department and project code: the budget is the initial budget plus the adjustments dated on or before asOf, executed the ledger entries dated on or before asOf (whenever they were posted); a first-level project includes its second-level projects on both sides. Not paged: it is the whole year of a region (what monitoring reads in one call). A department sees only itself.")
    @APIResponse(responseCode = "200", description = "The lines", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ExecutionLine.class)))
    public List<ExecutionLine> list(@QueryParam("fiscalYear") @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
            @QueryParam("region") @Size(max = 100) @Parameter(description = "Only this region, e.g. 天河区") String region,
            @QueryParam("departmentCode") @Size(max = 40) @Parameter(description = "Only this department") String departmentCode,
            @QueryParam("asOf") @Parameter(description = "Cut-off date (default: today in the configured time zone)") LocalDate asOf) {
        String own = access.restrictedDepartment();
        String department = departmentCode;
        if (own != null) {
            if (department != null && !department.equals(own)) {
                return List.of();
            }
            department = own;
        }
        return repository.asOf(fiscalYear, asOf == null ? calendar.today() : asOf, blankToNull(region), department);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
