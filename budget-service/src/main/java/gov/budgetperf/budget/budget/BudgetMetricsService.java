package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import gov.budgetperf.budget.config.BudgetConfig;
import gov.budgetperf.budget.project.Project;
import gov.budgetperf.budget.project.ProjectMetrics;

/** Computes the derived metrics of department-years and projects as of any date. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BudgetMetricsService {

    @Inject
    FiguresRepository figures;

    @Inject
    BudgetConfig config;

    /** Most cached metric results; the least recently used go first. */
    static final int CACHE_SIZE = 10_000;

    private record Key(long budgetId, long dataVersion, LocalDate asOf, CarryOverDenominator denominator) {
    }

    /**
     * Metrics already computed, by budget and data version: every change of a figure bumps the department-year's
     * data version in its transaction, so an entry is never stale for its key. Filled only from committed reads.
     */
    private final Map<Key, DepartmentMetrics> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, DepartmentMetrics> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** For reads outside write transactions: the committed metrics, from the cache when this version was computed. */
    public DepartmentMetrics departmentForRead(DepartmentBudget b, LocalDate asOf, CarryOverDenominator denominator) {
        CarryOverDenominator d = denominator == null ? config.carryOverDenominator() : denominator;
        Key key = new Key(b.id, b.dataVersion, asOf, d);
        synchronized (cache) {
            DepartmentMetrics hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        DepartmentMetrics m = department(b, asOf, b.dataVersion, d);
        synchronized (cache) {
            cache.put(key, m);
        }
        return m;
    }

    public DepartmentMetrics department(DepartmentBudget b, LocalDate asOf, Long dataVersion,
            CarryOverDenominator denominator) {
        return MetricsCalculator.department(b.department.code, dataVersion == null ? b.dataVersion : dataVersion,
                figures.department(b, asOf), denominator == null ? config.carryOverDenominator() : denominator);
    }

    public ProjectMetrics project(Project p, LocalDate asOf, long dataVersion) {
        BigDecimal[] changes = figures.projectChanges(p.id, asOf);
        BigDecimal additions = changes[AdjustmentKind.ADDITION.ordinal()];
        BigDecimal reductions = changes[AdjustmentKind.REDUCTION.ordinal()];
        BigDecimal transfers = changes[AdjustmentKind.TRANSFER_OUT.ordinal()];
        BigDecimal adjusted = p.initialBudget.add(additions).subtract(reductions).subtract(transfers);
        BigDecimal executed = figures.projectExecuted(p.id, asOf);
        return new ProjectMetrics(p.budget.department.code, p.budget.fiscalYear, p.code, asOf, dataVersion,
                p.initialBudget, additions, reductions, transfers, adjusted, executed, adjusted.subtract(executed),
                Rate.of(executed, adjusted), TimeProgress.of(p.budget.fiscalYear, asOf, executed, adjusted));
    }
}
