package gov.budgetperf.report;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import gov.budgetperf.common.problem.UniqueKeys;

/**
 * report-service's unique keys in words (names as PostgreSQL gives them to the keys of its migrations): what a
 * request that lost a check-then-insert race is told in its 409.
 */
@ApplicationScoped
public class ReportUniqueKeys implements UniqueKeys {

    private static final Map<String, Key> KEYS = Map.of(
            "narrative_department_code_fiscal_year_project_code_section_key",
            new Key("section", "this section was created by another request at the same time; read it and save again "
                    + "with its ETag"),
            "narrative_revision_narrative_id_version_key",
            new Key("If-Match", "this section was saved by another request at the same time"),
            "task_list_department_code_fiscal_year_key",
            new Key("tasks", "the task list was created by another request at the same time; read it and save again "
                    + "with its ETag"));

    @Override
    public Map<String, Key> byConstraint() {
        return KEYS;
    }
}
