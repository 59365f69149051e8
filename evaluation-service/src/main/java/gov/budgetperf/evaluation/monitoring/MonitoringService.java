package gov.budgetperf.evaluation.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.security.CallerAccess;
import gov.budgetperf.common.time.YearElapsed;
import gov.budgetperf.evaluation.budgetfeed.BudgetFigures;

/**
 * In-year monitoring from the figures budget.events keep current: execution against time elapsed and its traffic
 * light, per department and project.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MonitoringService {

    @Inject
    MonitoringConfig config;

    @Inject
    CallerAccess access;

    public List<MonitoringLine> lines(String region, int year, LocalDate asOf, Set<Light> lights, BigDecimal redBelow,
            BigDecimal yellowBelow) {
        BigDecimal red = redBelow == null ? config.redBelow() : redBelow;
        BigDecimal yellow = yellowBelow == null ? config.yellowBelow() : yellowBelow;
        if (red.compareTo(yellow) > 0) {
            throw ProblemException.invalid("redBelow", "must not exceed yellowBelow");
        }
        List<BudgetFigures> all = BudgetFigures.list("key.fiscalYear = ?1", year);
        Map<String, String> regions = new HashMap<>();
        for (BudgetFigures f : all) {
            if (f.key.projectCode().isEmpty() && f.region != null) {
                regions.put(f.key.departmentCode(), f.region);
            }
        }
        String own = access.restrictedDepartment();
        List<MonitoringLine> out = new ArrayList<>();
        for (BudgetFigures f : all) {
            String dept = f.key.departmentCode();
            String deptRegion = regions.get(dept);
            if ((region != null && !region.equals(deptRegion)) || (own != null && !own.equals(dept))) {
                continue;
            }
            MonitoringLine line = line(f, deptRegion, asOf, red, yellow);
            if (lights == null || lights.isEmpty() || lights.contains(line.light())) {
                out.add(line);
            }
        }
        out.sort(Comparator.comparing(MonitoringLine::departmentCode)
                .thenComparing(l -> l.projectCode() == null ? "" : l.projectCode()));
        return out;
    }

    static MonitoringLine line(BudgetFigures f, String region, LocalDate asOf, BigDecimal red, BigDecimal yellow) {
        JsonNode m = f.metrics;
        BigDecimal budget = m.path("adjustedBudget").decimalValue();
        BigDecimal executed = (m.has("actualExpenditure") ? m.path("actualExpenditure") : m.path("executed")).decimalValue();
        int year = f.key.fiscalYear();
        YearElapsed elapsed = YearElapsed.of(year, asOf);
        BigDecimal percent = budget.signum() == 0
                ? null
                : executed.multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_UP);
        BigDecimal ratio = elapsed.progressRatio(executed, budget);
        Light light = Light.NONE;
        if (ratio != null) {
            light = ratio.compareTo(red) < 0 ? Light.RED : ratio.compareTo(yellow) < 0 ? Light.YELLOW : Light.GREEN;
        }
        return new MonitoringLine(f.key.departmentCode(), f.key.projectCode().isEmpty() ? null : f.key.projectCode(),
                region, year, asOf, budget, executed, percent, elapsed.months(), ratio, light, f.dataVersion);
    }
}
