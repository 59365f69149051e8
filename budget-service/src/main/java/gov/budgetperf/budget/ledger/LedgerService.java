package gov.budgetperf.budget.ledger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import gov.budgetperf.budget.budget.BudgetService;
import gov.budgetperf.budget.budget.DepartmentBudget;
import gov.budgetperf.budget.budget.ExpenditureType;
import gov.budgetperf.budget.budget.FundingSource;
import gov.budgetperf.budget.events.BudgetEvents;
import gov.budgetperf.budget.project.Project;
import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.security.CallerAccess;
import gov.budgetperf.common.web.Page;
import gov.budgetperf.common.web.PageRequest;

/** The append-only expenditure ledger. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LedgerService {

    @Inject
    BudgetService budgets;

    @Inject
    BudgetEvents events;

    @Inject
    CallerAccess access;

    public Page<Expenditure> list(String code, int year, String projectCode, LocalDate from, LocalDate to,
            PageRequest page) {
        DepartmentBudget b = budgets.get(code, year);
        StringBuilder q = new StringBuilder("budget = :b");
        Map<String, Object> params = new HashMap<>();
        params.put("b", b);
        if (projectCode != null) {
            q.append(" and project.code = :p");
            params.put("p", projectCode);
        }
        if (from != null) {
            q.append(" and date >= :from");
            params.put("from", from);
        }
        if (to != null) {
            q.append(" and date <= :to");
            params.put("to", to);
        }
        var query = Expenditure.find(q.toString(), Sort.by("date").and("id"), params).page(page.page, page.size);
        return new Page<>(query.list(), page.page, page.size, query.count());
    }

    public Expenditure get(String code, int year, long id) {
        DepartmentBudget b = budgets.get(code, year);
        Expenditure e = Expenditure.findById(id);
        if (e == null || !e.budget.id.equals(b.id)) {
            throw ProblemException.notFound("No ledger entry " + id + " in " + code + "/" + year);
        }
        return e;
    }

    @Transactional
    public Expenditure record(String code, int year, ExpenditureInput in) {
        DepartmentBudget b = budgets.getForWrite(code, year);
        BudgetService.requireInYear(year, in.date(), "date");
        Expenditure e = new Expenditure();
        e.budget = b;
        if (in.projectCode() != null) {
            e.project = Project.of(b, in.projectCode())
                    .orElseThrow(() -> ProblemException.invalid("projectCode", "no project " + in.projectCode()));
            if (in.expenditureType() != null && in.expenditureType() != ExpenditureType.PROJECT) {
                throw ProblemException.invalid("expenditureType", "a project's expenditure is of type PROJECT");
            }
            e.expenditureType = ExpenditureType.PROJECT;
            e.fundingSource = in.fundingSource() == null ? e.project.fundingSource : in.fundingSource();
        } else {
            if (in.expenditureType() == null) {
                throw ProblemException.invalid("expenditureType", "must not be null without a project");
            }
            e.expenditureType = in.expenditureType();
            e.fundingSource = in.fundingSource() == null ? FundingSource.GENERAL_PUBLIC : in.fundingSource();
        }
        e.date = in.date();
        e.amount = in.amount();
        e.economicClass = in.economicClass();
        e.threePublic = in.threePublic();
        e.description = in.description();
        e.createdBy = access.user();
        e.persist();
        events.budgetChanged(b, "EXPENDITURE_RECORDED",
                e.project == null ? List.of() : BudgetService.withParent(e.project));
        return e;
    }

    @Transactional
    public Expenditure reverse(String code, int year, long id, ReversalInput in) {
        budgets.getForWrite(code, year);
        Expenditure original = get(code, year, id);
        if (original.reversesId != null) {
            throw ProblemException.conflict("Entry " + id + " is itself a reversal; record a new entry instead");
        }
        if (Expenditure.count("reversesId", id) > 0) {
            throw ProblemException.conflict("Entry " + id + " is already reversed");
        }
        BudgetService.requireInYear(year, in.date(), "date");
        if (in.date().isBefore(original.date)) {
            throw ProblemException.invalid("date", "a reversal cannot precede the entry it reverses");
        }
        Expenditure r = new Expenditure();
        r.budget = original.budget;
        r.project = original.project;
        r.date = in.date();
        r.amount = original.amount.negate();
        r.expenditureType = original.expenditureType;
        r.fundingSource = original.fundingSource;
        r.economicClass = original.economicClass;
        r.threePublic = original.threePublic;
        r.description = "冲销 #" + id + ": " + in.reason();
        r.reversesId = id;
        r.createdBy = access.user();
        r.persist();
        events.budgetChanged(original.budget, "EXPENDITURE_REVERSED",
                r.project == null ? List.of() : BudgetService.withParent(r.project));
        return r;
    }
}
