package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Pure computation of the DESIGN §3 metrics from the raw sums; exact BigDecimal throughout. */
public final class MetricsCalculator {

    private MetricsCalculator() {
    }

    public static DepartmentMetrics department(String departmentCode, long dataVersion, Figures f,
            CarryOverDenominator denominator) {
        BigDecimal initial = Figures.sum(f.initialByType);
        BigDecimal adjustments = Figures.sum(f.adjustmentByType);
        BigDecimal grossAdjustments = f.adjustmentGross();
        BigDecimal adjusted = initial.add(adjustments);
        Map<ExpenditureType, BigDecimal> adjustedByType = add(f.initialByType, f.adjustmentByType, ExpenditureType.class);
        Map<FundingSource, BigDecimal> adjustedBySource = add(f.initialBySource, f.adjustmentBySource, FundingSource.class);
        BigDecimal personnel = f.actualByType.get(ExpenditureType.PERSONNEL);
        BigDecimal publicFunds = f.actualByType.get(ExpenditureType.PUBLIC_FUNDS);
        BigDecimal project = f.actualByType.get(ExpenditureType.PROJECT);
        BigDecimal basic = personnel.add(publicFunds);
        BigDecimal actual = basic.add(project);

        BigDecimal carryDen = switch (denominator) {
            case ADJUSTED_BUDGET -> adjusted;
            case INITIAL_BUDGET -> initial;
            case ADJUSTED_BUDGET_PLUS_CARRY_OVER -> adjusted.add(f.carryOver);
        };

        List<DepartmentMetrics.ThreePublicLine> lines = new ArrayList<>();
        BigDecimal tpBudget = BigDecimal.ZERO.setScale(2);
        BigDecimal tpActual = BigDecimal.ZERO.setScale(2);
        BigDecimal tpPrior = null;
        boolean comparable = true;
        for (ThreePublicCategory c : ThreePublicCategory.values()) {
            BigDecimal b = f.threePublicBudget.get(c);
            BigDecimal a = f.threePublicActual.get(c);
            BigDecimal p = f.threePublicPrior.get(c);
            tpBudget = tpBudget.add(b);
            tpActual = tpActual.add(a);
            if (p != null) {
                tpPrior = tpPrior == null ? p : tpPrior.add(p);
            } else if (a.signum() != 0) {
                comparable = false;
            }
            lines.add(new DepartmentMetrics.ThreePublicLine(c, b, a, p, Rate.of(a, b), change(a, p)));
        }
        if (!comparable) {
            tpPrior = null;
        }
        var threePublic = new DepartmentMetrics.ThreePublicMetrics(tpBudget, tpActual, tpPrior, Rate.of(tpActual, tpBudget),
                change(tpActual, tpPrior), lines);

        return new DepartmentMetrics(departmentCode, f.fiscalYear, f.asOf, dataVersion, initial, adjustments,
                grossAdjustments, adjusted, actual, basic, personnel, publicFunds, project, f.initialByType, adjustedByType,
                f.initialBySource, adjustedBySource, f.actualBySource, Rate.of(actual, adjusted), Rate.of(adjustments, initial),
                Rate.of(grossAdjustments, initial), f.carryOver,
                Rate.of(f.carryOver, carryDen), denominator,
                Rate.of(publicFunds, adjustedByType.get(ExpenditureType.PUBLIC_FUNDS)), threePublic, f.staffQuota,
                f.actualStaff,
                f.staffQuota == null || f.actualStaff == null
                        ? null
                        : Rate.of(BigDecimal.valueOf(f.actualStaff), BigDecimal.valueOf(f.staffQuota)),
                TimeProgress.of(f.fiscalYear, f.asOf, actual, adjusted));
    }

    /**
     * (this year − last year) ÷ last year; null without last year's figure. The total's "last year" is null when a
     * category with spending this year has no prior-year figure: summing only the categories that have one would compare
     * this year's 接待 + 用车 with last year's 接待 alone (8 + 20 against 10 gives +180 %), and leaving the category out
     * would hide spending from the comparison. A category with neither spending this year nor a prior-year figure adds 0
     * to both years and does not take part.
     */
    static Rate change(BigDecimal thisYear, BigDecimal lastYear) {
        return lastYear == null ? null : Rate.of(thisYear.subtract(lastYear), lastYear);
    }

    private static <E extends Enum<E>> Map<E, BigDecimal> add(Map<E, BigDecimal> a, Map<E, BigDecimal> b, Class<E> type) {
        Map<E, BigDecimal> m = new EnumMap<>(type);
        a.forEach((k, v) -> m.put(k, v.add(b.get(k))));
        return m;
    }
}
