package gov.budgetperf.budget;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import gov.budgetperf.common.problem.UniqueKeys;

/**
 * budget-service's unique keys in words (names as PostgreSQL gives them to the keys of V1__budget_schema.sql): what a
 * request that lost a check-then-insert race is told in its 409.
 */
@ApplicationScoped
public class BudgetUniqueKeys implements UniqueKeys {

    private static final Map<String, Key> KEYS = Map.of(
            "department_code_key", new Key("code", "a department with this code already exists"),
            "department_budget_department_id_fiscal_year_key",
            new Key("year", "this department already has a budget for this fiscal year"),
            "project_budget_id_code_key", new Key("code", "a project with this code already exists in this budget"),
            "budget_allocation_pkey",
            new Key("allocations", "an expenditure type and funding source pair is allocated twice"),
            "three_public_budget_pkey", new Key("threePublic", "a 三公经费 category is budgeted twice"),
            "import_batch_kind_file_sha256_key", new Key("file", "this file is being imported by another request"),
            "expenditure_reversed_once", new Key("id", "this ledger entry has already been reversed"));

    @Override
    public Map<String, Key> byConstraint() {
        return KEYS;
    }
}
