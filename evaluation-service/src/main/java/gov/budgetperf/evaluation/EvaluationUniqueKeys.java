package gov.budgetperf.evaluation;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import gov.budgetperf.common.problem.UniqueKeys;

/**
 * evaluation-service's unique keys in words (names as PostgreSQL gives them to the keys of its migrations): what a
 * request that lost a check-then-insert race is told in its 409.
 */
@ApplicationScoped
public class EvaluationUniqueKeys implements UniqueKeys {

    private static final Map<String, Key> KEYS = Map.of(
            "rule_set_code_version_key", new Key("code", "a rule set with this code and version already exists"),
            "grade_band_set_pkey", new Key("code", "a grade band set with this code already exists"),
            "evaluation_subject",
            new Key("kind", "an evaluation of this kind already exists for this department, year and project"),
            "indicator_evaluation_id_code_key", new Key("code", "an indicator with this code already exists in this "
                    + "evaluation"));

    @Override
    public Map<String, Key> byConstraint() {
        return KEYS;
    }
}
