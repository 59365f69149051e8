package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.time.LocalDate;

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
