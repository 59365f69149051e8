package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import gov.budgetperf.budget.department.Department;
import gov.budgetperf.budget.department.DepartmentService;
import gov.budgetperf.budget.events.BudgetEvents;
import gov.budgetperf.budget.project.Project;
import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.problem.Violation;
import gov.budgetperf.common.security.CallerAccess;
import gov.budgetperf.common.web.Versions;

/** Department-year budgets and their adjustments. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BudgetService {

    @Inject
    CallerAccess access;

    @Inject
    DepartmentService departments;

    @Inject
    BudgetEvents events;

    @Inject
    FiguresRepository figures;

    @Inject
    EntityManager em;

    /** The budget of a department-year, after checking the caller may read it. */
    public DepartmentBudget get(String code, int year) {
        access.requireRead(code);
        return DepartmentBudget.of(code, year)
                .orElseThrow(() -> ProblemException.notFound("No budget of department " + code + " for " + year));
    }

    /** The budget of a department-year, after checking the caller may change it. */
    public DepartmentBudget getForWrite(String code, int year) {
        access.requireWrite(code);
        return get(code, year);
    }

    public List<DepartmentBudget> list(String code) {
        departments.get(code);
        return DepartmentBudget.list("department.code = ?1 order by fiscalYear", code);
    }

    @Transactional
    public DepartmentBudget create(String code, int year, BudgetInput in) {
        access.requireWrite(code);
        Department d = departments.get(code);
        if (DepartmentBudget.of(code, year).isPresent()) {
            throw ProblemException.conflict("Department " + code + " already has a budget for " + year);
        }
        DepartmentBudget b = new DepartmentBudget();
        b.department = d;
        b.fiscalYear = year;
        apply(b, in);
        b.persist();
        events.budgetChanged(b, "BUDGET_CREATED", List.of());
        return b;
    }

    @Transactional
    public DepartmentBudget update(String code, int year, BudgetInput in, String ifMatch) {
        DepartmentBudget b = getForWrite(code, year);
        Versions.requireMatch(ifMatch, b.version);
        apply(b, in);
        events.budgetChanged(b, "BUDGET_UPDATED", List.of());
        return b;
    }

    @Transactional
    public BudgetAdjustment adjust(String code, int year, Project project, AdjustmentInput in) {
        DepartmentBudget b = getForWrite(code, year);
        BudgetAdjustment a = new BudgetAdjustment();
        a.budget = b;
        a.project = project;
        a.date = in.date();
        a.kind = in.kind();
        a.amount = in.amount();
        if (project != null) {
            if (in.expenditureType() != null && in.expenditureType() != ExpenditureType.PROJECT) {
                throw ProblemException.invalid("expenditureType", "a project's budget change is of type PROJECT");
            }
            a.expenditureType = ExpenditureType.PROJECT;
            a.fundingSource = in.fundingSource() == null ? project.fundingSource : in.fundingSource();
        } else {
            if (in.expenditureType() == null) {
                throw ProblemException.invalid("expenditureType", "must not be null");
            }
            a.expenditureType = in.expenditureType();
            a.fundingSource = in.fundingSource() == null ? FundingSource.GENERAL_PUBLIC : in.fundingSource();
        }
        requireInYear(year, in.date(), "date");
        a.reason = in.reason();
        a.createdBy = access.user();
        a.persist();
        if (project != null && in.kind().sign() < 0) {
            requireWithinBudget(project, a);
            if (project.parent != null) {
                requireWithinBudget(project.parent, a);
            }
        }
        events.budgetChanged(b, project == null ? "ADJUSTMENT_ADDED" : "PROJECT_CHANGE_ADDED",
                project == null ? List.of() : withParent(project));
        return a;
    }

    /**
     * A project's reductions and transfers out cannot exceed its initial budget plus its additions (children included
     * for a first-level project), on the change's date or any later one: its adjusted budget never goes below zero.
     */
    private void requireWithinBudget(Project p, BudgetAdjustment a) {
        em.flush();
        BigDecimal lowest = figures.lowestAdjustedFrom(p, a.date);
        if (lowest != null && lowest.signum() < 0) {
            BigDecimal room = a.amount.add(lowest);
            throw ProblemException.conflict("amount", "a " + a.kind + " of " + a.amount.toPlainString()
                    + " exceeds what project " + p.code + " has left: its initial budget plus additions, less its "
                    + "reductions and transfers out, leaves " + room.max(BigDecimal.ZERO).toPlainString() + " from "
                    + a.date + " on");
        }
    }

    public List<BudgetAdjustment> adjustments(String code, int year) {
        DepartmentBudget b = get(code, year);
        return BudgetAdjustment.list("budget = ?1 order by date, id", b);
    }

    /** A project and, for a second-level one, its first-level parent, whose figures include it. */
    public static List<Project> withParent(Project p) {
        return p.parent == null ? List.of(p) : List.of(p, p.parent);
    }

    public static void requireInYear(int year, LocalDate date, String field) {
        if (date.getYear() != year) {
            throw ProblemException.invalid(field, "must fall in fiscal year " + year);
        }
    }

    private static void apply(DepartmentBudget b, BudgetInput in) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < in.allocations().size(); i++) {
            Allocation a = in.allocations().get(i);
            if (!seen.add(a.expenditureType + "/" + a.fundingSource)) {
                violations.add(new Violation("allocations[" + i + "]",
                        "duplicate " + a.expenditureType + "/" + a.fundingSource));
            }
        }
        Set<ThreePublicCategory> categories = new HashSet<>();
        List<ThreePublicBudget> tp = in.threePublic() == null ? List.of() : in.threePublic();
        for (int i = 0; i < tp.size(); i++) {
            if (!categories.add(tp.get(i).category)) {
                violations.add(new Violation("threePublic[" + i + "]", "duplicate category " + tp.get(i).category));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The budget has duplicate lines", violations);
        }
        b.allocations.clear();
        for (Allocation a : in.allocations()) {
            b.allocations.add(new Allocation(a.expenditureType, a.fundingSource, a.amount.setScale(2)));
        }
        b.threePublic.clear();
        for (ThreePublicBudget t : tp) {
            t.budget = t.budget.setScale(2);
            t.priorYearActual = t.priorYearActual == null ? null : t.priorYearActual.setScale(2);
            b.threePublic.add(t);
        }
        b.carryOver = in.carryOver() == null ? BigDecimal.ZERO.setScale(2) : in.carryOver();
        b.staffQuota = in.staffQuota();
        b.actualStaff = in.actualStaff();
    }
}
