package gov.budgetperf.evaluation.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.security.CallerAccess;
import gov.budgetperf.common.security.Roles;
import gov.budgetperf.common.time.BusinessCalendar;

@Path("/api/v1/monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Monitoring", description = "绩效运行监控: execution against time elapsed, as traffic lights")
@SecurityRequirement(name = "jwt")
public class MonitoringResource {

    @Inject
    MonitoringService service;

    @Inject
    BusinessCalendar calendar;

    @Inject
    CallerAccess access;

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.DEPARTMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "monitor", summary = "Departments and projects of a year with their 序时进度 ratio and light", description = "The figures are budget-service's cut at asOf (initial budget + adjustments dated on or before it; ledger entries dated on or before it). Default bands: red < 60, yellow 60–<80, green ≥ 80 (configurable, or per request). lights=RED,YELLOW lists what needs attention. 503 with Retry-After when budget-service cannot answer.")
    @APIResponse(responseCode = "200", description = "Monitoring lines")
    public List<MonitoringLine> monitor(@QueryParam("fiscalYear") @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
            @QueryParam("region") @Size(max = 100) @Parameter(description = "e.g. 天河区") String region,
            @QueryParam("asOf") @Parameter(description = "Cut-off date: budget changes and ledger entries dated after it do not count (default: today in the configured time zone)") LocalDate asOf,
            @QueryParam("lights") @Parameter(description = "Only these lights: RED, YELLOW, GREEN, NONE, repeated or comma-separated (lights=RED,YELLOW)") List<String> lights,
            @QueryParam("redBelow") BigDecimal redBelow, @QueryParam("yellowBelow") BigDecimal yellowBelow) {
        // budget-service applies the caller's department to the lines; a caller that reaches no department is
        // refused here, before the peer call
        access.restrictedDepartment();
        return service.lines(region, fiscalYear, asOf == null ? calendar.today() : asOf, lights(lights), redBelow,
                yellowBelow);
    }

    /** RED,YELLOW or RED&amp;lights=YELLOW; an unknown light is a 400 naming the parameter (not a 404). */
    static Set<Light> lights(List<String> values) {
        Set<Light> out = EnumSet.noneOf(Light.class);
        for (String value : values == null ? List.<String>of() : values) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    out.add(Light.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("lights", "unknown light " + name.trim() + " (RED, YELLOW, GREEN, NONE)");
                }
            }
        }
        return out;
    }
}
