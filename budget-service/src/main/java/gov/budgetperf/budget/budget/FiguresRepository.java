package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import gov.budgetperf.budget.project.Project;

/** Sums the ledger and the adjustments of a department-year or a project up to a date, in the database. */
@ApplicationScoped
public class FiguresRepository {

    @Inject
    EntityManager em;

    public Figures department(DepartmentBudget b, LocalDate asOf) {
        Figures f = new Figures(b.fiscalYear, asOf);
        for (Allocation a : b.allocations) {
            f.addInitial(a.expenditureType, a.fundingSource, a.amount);
        }
        for (ThreePublicBudget t : b.threePublic) {
            f.threePublicBudget.put(t.category, t.budget);
            if (t.priorYearActual != null) {
                f.threePublicPrior.put(t.category, t.priorYearActual);
            }
        }
        f.carryOver = b.carryOver;
        f.staffQuota = b.staffQuota;
        f.actualStaff = b.actualStaff;
        for (Object[] r : rows("SELECT expenditure_type, funding_source, kind, SUM(amount) FROM budget_adjustment "
                + "WHERE budget_id = ?1 AND adjustment_date <= ?2 GROUP BY 1, 2, 3", b.id, asOf)) {
            BigDecimal amount = (BigDecimal) r[3];
            f.addAdjustment(ExpenditureType.valueOf((String) r[0]), FundingSource.valueOf((String) r[1]),
                    AdjustmentKind.valueOf((String) r[2]).sign() > 0 ? amount : amount.negate());
        }
        for (Object[] r : rows("SELECT expenditure_type, funding_source, three_public, SUM(amount) FROM expenditure "
                + "WHERE budget_id = ?1 AND entry_date <= ?2 GROUP BY 1, 2, 3", b.id, asOf)) {
            f.addActual(ExpenditureType.valueOf((String) r[0]), FundingSource.valueOf((String) r[1]),
                    r[2] == null ? null : ThreePublicCategory.valueOf((String) r[2]), (BigDecimal) r[3]);
        }
        return f;
    }

    /**
     * [additions, reductions, transfers out] of a project up to a date: its own changes and, for a first-level project,
     * those of its second-level projects (DESIGN §3: a first-level project's figures include its children's on both
     * sides).
     */
    public BigDecimal[] projectChanges(long projectId, LocalDate asOf) {
        BigDecimal[] out = {zero(), zero(), zero()};
        for (Object[] r : rows("SELECT a.kind, SUM(a.amount) FROM budget_adjustment a JOIN project p ON p.id = a.project_id "
                + "WHERE (p.id = ?1 OR p.parent_id = ?1) AND a.adjustment_date <= ?2 GROUP BY 1", projectId, asOf)) {
            out[AdjustmentKind.valueOf((String) r[0]).ordinal()] = (BigDecimal) r[1];
        }
        return out;
    }

    /** Executed amount of a project (and its second-level projects when it is first-level) up to a date. */
    public BigDecimal projectExecuted(long projectId, LocalDate asOf) {
        Object v = em.createNativeQuery("SELECT COALESCE(SUM(e.amount), 0) FROM expenditure e JOIN project p "
                + "ON p.id = e.project_id WHERE (p.id = ?1 OR p.parent_id = ?1) AND e.entry_date <= ?2")
                .setParameter(1, projectId).setParameter(2, asOf).getSingleResult();
        return ((BigDecimal) v).setScale(2);
    }

    /**
     * The lowest adjusted budget (initial + additions − reductions − transfers out, children included) that a project
     * reaches on any date from {@code from} on, with the changes stored so far; null when it has no change then.
     */
    public BigDecimal lowestAdjustedFrom(Project p, LocalDate from) {
        Object v = em.createNativeQuery("SELECT MIN(running) FROM (SELECT a.adjustment_date, SUM(SUM(CASE a.kind "
                + "WHEN 'ADDITION' THEN a.amount ELSE -a.amount END)) OVER (ORDER BY a.adjustment_date) AS running "
                + "FROM budget_adjustment a JOIN project p ON p.id = a.project_id WHERE p.id = ?1 OR p.parent_id = ?1 "
                + "GROUP BY a.adjustment_date) r WHERE adjustment_date >= ?2").setParameter(1, p.id)
                .setParameter(2, from).getSingleResult();
        return v == null ? null : p.initialBudget.add((BigDecimal) v);
    }

    /** Σ initial budgets of a first-level project's second-level projects, leaving one out (null: none). */
    public BigDecimal childrenInitial(Project parent, Long except) {
        Object v = em.createNativeQuery("SELECT COALESCE(SUM(initial_budget), 0) FROM project WHERE parent_id = ?1 "
                + "AND id <> ?2").setParameter(1, parent.id).setParameter(2, except == null ? -1L : except)
                .getSingleResult();
        return (BigDecimal) v;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object p1, Object p2) {
        return em.createNativeQuery(sql).setParameter(1, p1).setParameter(2, p2).getResultList();
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
