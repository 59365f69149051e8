package gov.budgetperf.evaluation.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.budgetperf.common.security.Roles;

@Path("/api/v1/monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Monitoring", description = "绩效运行监控: execution against time elapsed, as traffic lights")
@SecurityRequirement(name = "jwt")
public class MonitoringResource {

    @Inject
    MonitoringService service;

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "monitor", summary = "Departments and projects of a year with their 序时进度 ratio and light", description = "Default bands: red < 60, yellow 60–<80, green ≥ 80 (configurable, or per request). lights=RED,YELLOW lists what needs attention.")
    @APIResponse(responseCode = "200", description = "Monitoring lines")
    public List<MonitoringLine> monitor(@QueryParam("fiscalYear") @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
            @QueryParam("region") @Parameter(description = "e.g. 天河区") String region,
            @QueryParam("asOf") @Parameter(description = "Date of the view (default: today)") LocalDate asOf,
            @QueryParam("lights") @Parameter(description = "Only these lights") Set<Light> lights,
            @QueryParam("redBelow") BigDecimal redBelow, @QueryParam("yellowBelow") BigDecimal yellowBelow) {
        return service.lines(region, fiscalYear, asOf == null ? LocalDate.now() : asOf, lights, redBelow, yellowBelow);
    }
}
