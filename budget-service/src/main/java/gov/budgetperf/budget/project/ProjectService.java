package gov.budgetperf.budget.project;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import gov.budgetperf.budget.budget.BudgetService;
import gov.budgetperf.budget.budget.DepartmentBudget;
import gov.budgetperf.budget.budget.FiguresRepository;
import gov.budgetperf.budget.budget.FundingSource;
import gov.budgetperf.budget.events.BudgetEvents;
import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.web.Versions;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProjectService {

    @Inject
    BudgetService budgets;

    @Inject
    BudgetEvents events;

    @Inject
    FiguresRepository figures;

    public List<Project> list(String code, int year) {
        DepartmentBudget b = budgets.get(code, year);
        return Project.list("budget = ?1 order by level, code", b);
    }

    public Project get(String code, int year, String projectCode) {
        return find(budgets.get(code, year), projectCode);
    }

    public Project getForWrite(String code, int year, String projectCode) {
        return find(budgets.getForWrite(code, year), projectCode);
    }

    private static Project find(DepartmentBudget b, String projectCode) {
        return Project.of(b, projectCode).orElseThrow(() -> ProblemException
                .notFound("No project " + projectCode + " in " + b.department.code + "/" + b.fiscalYear));
    }

    @Transactional
    public Project create(String code, int year, ProjectInput in) {
        DepartmentBudget b = budgets.getForWrite(code, year);
        if (Project.of(b, in.code()).isPresent()) {
            throw ProblemException.conflict("Project " + in.code() + " already exists in " + code + "/" + year);
        }
        Project p = new Project();
        p.budget = b;
        p.code = in.code();
        apply(p, in);
        requireInitialCoversChildren(p);
        p.persist();
        events.budgetChanged(b, "PROJECT_CREATED", BudgetService.withParent(p));
        return p;
    }

    @Transactional
    public Project update(String code, int year, String projectCode, ProjectInput in, String ifMatch) {
        Project p = getForWrite(code, year, projectCode);
        Versions.requireMatch(ifMatch, p.version);
        if (!p.code.equals(in.code())) {
            throw ProblemException.invalid("code", "the code of a project cannot change");
        }
        boolean hasChildren = p.id != null && Project.count("parent = ?1", p) > 0;
        if (hasChildren && in.level() == 2) {
            throw ProblemException.invalid("level", "project " + p.code + " has second-level projects: it stays first-level");
        }
        apply(p, in);
        requireInitialCoversChildren(p);
        events.budgetChanged(p.budget, "PROJECT_UPDATED", BudgetService.withParent(p));
        return p;
    }

    /**
     * A first-level project's initial budget includes its second-level projects' (DESIGN §3), so the children's initial
     * budgets must add up to no more than their parent's: checked from both sides.
     */
    private void requireInitialCoversChildren(Project p) {
        if (p.parent != null) {
            BigDecimal children = figures.childrenInitial(p.parent, p.id).add(p.initialBudget);
            if (children.compareTo(p.parent.initialBudget) > 0) {
                throw ProblemException.invalid("initialBudget", "the second-level projects of " + p.parent.code
                        + " would have " + children.toPlainString() + " of initial budget, more than the "
                        + p.parent.initialBudget.toPlainString() + " of " + p.parent.code + " that includes them");
            }
        } else if (p.id != null) {
            BigDecimal children = figures.childrenInitial(p, null);
            if (children.compareTo(p.initialBudget) > 0) {
                throw ProblemException.invalid("initialBudget", "must include the " + children.toPlainString()
                        + " of initial budget of the second-level projects of " + p.code + ", was "
                        + p.initialBudget.toPlainString());
            }
        }
    }

    private static void apply(Project p, ProjectInput in) {
        p.level = in.level();
        if (in.level() == 2) {
            if (in.parentCode() == null || in.parentCode().isBlank()) {
                throw ProblemException.invalid("parentCode", "a second-level project needs its first-level project");
            }
            Project parent = Project.of(p.budget, in.parentCode())
                    .orElseThrow(() -> ProblemException.invalid("parentCode", "no project " + in.parentCode()));
            if (parent.level != 1) {
                throw ProblemException.invalid("parentCode", in.parentCode() + " is not a first-level project");
            }
            p.parent = parent;
        } else {
            if (in.parentCode() != null && !in.parentCode().isBlank()) {
                throw ProblemException.invalid("parentCode", "a first-level project has no parent");
            }
            p.parent = null;
        }
        p.name = in.name();
        p.fundingSource = in.fundingSource() == null ? FundingSource.GENERAL_PUBLIC : in.fundingSource();
        p.initialBudget = in.initialBudget();
        p.description = in.description();
    }
}
