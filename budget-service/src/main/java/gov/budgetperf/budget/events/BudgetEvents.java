package gov.budgetperf.budget.events;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import gov.budgetperf.budget.budget.BudgetMetricsService;
import gov.budgetperf.budget.budget.DepartmentBudget;
import gov.budgetperf.budget.budget.DepartmentMetrics;
import gov.budgetperf.budget.department.Department;
import gov.budgetperf.budget.project.Project;
import gov.budgetperf.budget.project.ProjectMetrics;
import gov.budgetperf.common.outbox.Outbox;

/**
 * The events budget-service publishes on {@value #TOPIC}, documented with a JSON Schema and an example per type in
 * {@code src/main/resources/META-INF/resources/events/budget-events.asyncapi.json} (served at /events/budget-events.asyncapi.json). Each is written to the outbox in the transaction of
 * the change; its data carries the new state and its version, so consumers never need to call back.
 */
@ApplicationScoped
public class BudgetEvents {

    public static final String TOPIC = "budget.events";
    public static final String DEPARTMENT_CHANGED = "gov.budgetperf.budget.department.changed";
    public static final String BUDGET_CHANGED = "gov.budgetperf.budget.department-budget.changed";
    public static final String PROJECT_CHANGED = "gov.budgetperf.budget.project.changed";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    BudgetMetricsService metrics;

    /** Department master data changed. Key: the department code. */
    public record DepartmentChanged(String departmentCode, String name, String region, String parentCode, int unitCount,
            long version) {
    }

    /** Any figure of a department-year changed. Key: "{departmentCode}:{fiscalYear}". */
    public record BudgetChanged(String departmentCode, String departmentName, String region, int fiscalYear,
            long version, String cause, DepartmentMetrics metrics, List<ProjectMetrics> projects) {
    }

    /** A project's figures changed. Key: "{departmentCode}:{fiscalYear}" (ordered with its department-year). */
    public record ProjectChanged(String departmentCode, int fiscalYear, String projectCode, String projectName, int level,
            String parentCode, long version, String cause, ProjectMetrics metrics) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void departmentChanged(Department d) {
        outbox.publish(TOPIC, d.code, DEPARTMENT_CHANGED, "departments/" + d.code,
                new DepartmentChanged(d.code, d.name, d.region, d.parentCode, d.unitCount, d.version));
    }

    /**
     * Bumps the department-year's data version and publishes its new figures (year-end view) and, for each changed
     * project, the project's. Call once per transaction and budget, after the change is flushed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long budgetChanged(DepartmentBudget b, String cause, List<Project> changedProjects) {
        em.flush();
        long version = ((Number) em.createNativeQuery(
                "UPDATE department_budget SET data_version = data_version + 1 WHERE id = ?1 RETURNING data_version")
                .setParameter(1, b.id).getSingleResult()).longValue();
        String code = b.department.code;
        String key = code + ":" + b.fiscalYear;
        LocalDate yearEnd = LocalDate.of(b.fiscalYear, 12, 31);
        DepartmentMetrics m = metrics.department(b, yearEnd, version, null);
        List<ProjectMetrics> projects = changedProjects.stream().map(p -> metrics.project(p, yearEnd, version)).toList();
        outbox.publish(TOPIC, key, BUDGET_CHANGED, "departments/" + code + "/budgets/" + b.fiscalYear,
                new BudgetChanged(code, b.department.name, b.department.region, b.fiscalYear, version, cause, m,
                        projects));
        for (int i = 0; i < changedProjects.size(); i++) {
            Project p = changedProjects.get(i);
            outbox.publish(TOPIC, key, PROJECT_CHANGED,
                    "departments/" + code + "/budgets/" + b.fiscalYear + "/projects/" + p.code,
                    new ProjectChanged(code, b.fiscalYear, p.code, p.name, p.level,
                            p.parent == null ? null : p.parent.code, version, cause, projects.get(i)));
        }
        return version;
    }
}
