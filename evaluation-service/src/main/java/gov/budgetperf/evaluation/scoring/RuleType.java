package gov.budgetperf.evaluation.scoring;

/**
 * The kinds of scoring rule of DESIGN §4. The names are also the {@code "type"} values of {@link ScoringRule} in JSON.
 */
public enum RuleType {
    /** Ratio, positive (≥): weight × min(actual ÷ target, 1). */
    RATIO_POSITIVE,
    /** Ratio, reverse (≤): one of two formulas, see {@link ReverseFormula}. */
    RATIO_REVERSE,
    /** Equal (=): full marks within a tolerance, otherwise reduced by the relative deviation. */
    EQUAL,
    /** Threshold with a deduction for every step short of it. */
    THRESHOLD_STEPS,
    /** Linear deduction per unit beyond a limit. */
    LINEAR_DEDUCTION,
    /** Qualitative bands 达成 / 部分达成 / 未达成 with a score chosen inside the band. */
    QUALITATIVE,
    /** Yes/no with discretionary deduction (有则得满分，否则酌情减分). */
    YES_NO,
    /** The actual value is a budget metric of the subject, e.g. the execution rate. */
    BUDGET_LINKED,
    /** A score between 0 and the weight, with a justification. */
    MANUAL
}
