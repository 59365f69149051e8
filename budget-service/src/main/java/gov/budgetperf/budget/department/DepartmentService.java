package gov.budgetperf.budget.department;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import gov.budgetperf.budget.events.BudgetEvents;
import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.security.CallerAccess;
import gov.budgetperf.common.web.Page;
import gov.budgetperf.common.web.PageRequest;
import gov.budgetperf.common.web.Versions;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DepartmentService {

    @Inject
    CallerAccess access;

    @Inject
    BudgetEvents events;

    public Page<DepartmentView> list(String region, PageRequest page) {
        String own = access.restrictedDepartment();
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (region != null && !region.isBlank()) {
            q.append(" and region = :region");
            params.put("region", region);
        }
        if (own != null) {
            q.append(" and code = :own");
            params.put("own", own);
        }
        var query = Department.find(q.toString(), Sort.by("code"), params).page(page.page, page.size);
        return new Page<>(query.<Department>list().stream().map(DepartmentView::of).toList(), page.page, page.size,
                query.count());
    }

    public Department get(String code) {
        access.requireRead(code);
        return Department.byCode(code).orElseThrow(() -> ProblemException.notFound("No department " + code));
    }

    @Transactional
    public Department create(DepartmentInput in) {
        access.requireFinance();
        if (Department.byCode(in.code()).isPresent()) {
            throw ProblemException.conflict("Department " + in.code() + " already exists");
        }
        Department d = new Department();
        d.code = in.code();
        apply(d, in);
        d.persist();
        d.flush();
        events.departmentChanged(d);
        return d;
    }

    @Transactional
    public Department update(String code, DepartmentInput in, String ifMatch) {
        access.requireWrite(code);
        Department d = get(code);
        Versions.requireMatch(ifMatch, d.version);
        if (in.code() != null && !in.code().equals(code)) {
            throw ProblemException.invalid("code", "the code of a department cannot change");
        }
        apply(d, in);
        d.flush();
        events.departmentChanged(d);
        return d;
    }

    private void apply(Department d, DepartmentInput in) {
        if (in.parentCode() != null && !in.parentCode().isBlank()) {
            if (in.parentCode().equals(d.code)) {
                throw ProblemException.invalid("parentCode", "a department cannot be its own parent");
            }
            if (Department.byCode(in.parentCode()).isEmpty()) {
                throw ProblemException.invalid("parentCode", "no department " + in.parentCode());
            }
            d.parentCode = in.parentCode();
        } else {
            d.parentCode = null;
        }
        d.name = in.name();
        d.region = in.region();
        d.unitCount = in.unitCount() == null ? 1 : in.unitCount();
        d.functions = in.functions();
        d.internalBodies = in.internalBodies();
    }
}
