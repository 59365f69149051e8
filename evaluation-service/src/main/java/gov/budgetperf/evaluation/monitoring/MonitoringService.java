package gov.budgetperf.evaluation.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.time.YearElapsed;

/**
 * In-year monitoring (绩效运行监控): execution against the time elapsed and its traffic light, per department and
 * project, as of any date. The figures are budget-service's, cut at that date (budget = initial + adjustments dated on
 * or before it, executed = ledger entries dated on or before it, whenever they were posted), read in one call for the
 * whole region; the lights and their bands are this service's.
 */
@ApplicationScoped
public class MonitoringService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    MonitoringConfig config;

    @Inject
    BudgetExecution budget;

    public List<MonitoringLine> lines(String region, int year, LocalDate asOf, Set<Light> lights, BigDecimal redBelow,
            BigDecimal yellowBelow) {
        BigDecimal red = redBelow == null ? config.redBelow() : redBelow;
        BigDecimal yellow = yellowBelow == null ? config.yellowBelow() : yellowBelow;
        if (red.compareTo(yellow) > 0) {
            throw ProblemException.invalid("redBelow", "must not exceed yellowBelow");
        }
        YearElapsed elapsed = YearElapsed.of(year, asOf);
        BigDecimal months = elapsed.months();
        List<MonitoringLine> out = new ArrayList<>();
        // budget-service answers for the caller (its token is passed on): a department gets only its own lines
        for (BudgetExecutionApi.Line l : budget.asOf(year, region, asOf)) {
            MonitoringLine line = line(l, year, asOf, elapsed, months, red, yellow);
            if (lights == null || lights.isEmpty() || lights.contains(line.light())) {
                out.add(line);
            }
        }
        return out; // ordered by department, then project (the department's own line first), as budget-service sends
    }

    static MonitoringLine line(BudgetExecutionApi.Line l, int year, LocalDate asOf, YearElapsed elapsed,
            BigDecimal months, BigDecimal red, BigDecimal yellow) {
        BigDecimal budget = l.adjustedBudget();
        BigDecimal executed = l.executed();
        BigDecimal percent = budget.signum() == 0
                ? null
                : executed.multiply(HUNDRED).divide(budget, 2, RoundingMode.HALF_UP);
        BigDecimal ratio = elapsed.progressRatio(executed, budget);
        return new MonitoringLine(l.departmentCode(), l.projectCode(), l.region(), year, asOf, budget, executed, percent,
                months, ratio, light(ratio, red, yellow), l.dataVersion());
    }

    /** red below {@code red}, yellow below {@code yellow}, green from it on; NONE without a ratio. */
    static Light light(BigDecimal ratio, BigDecimal red, BigDecimal yellow) {
        if (ratio == null) {
            return Light.NONE;
        }
        return ratio.compareTo(red) < 0 ? Light.RED : ratio.compareTo(yellow) < 0 ? Light.YELLOW : Light.GREEN;
    }
}
