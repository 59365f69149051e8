package gov.budgetperf.evaluation.scoring;

/**
 * The band an evaluator picks for a qualitative indicator. The bounds, as fractions of the weight, are parameters of
 * the {@link ScoringRule.Qualitative} rule (defaults 达成 [80%, 100%], 部分达成 [60%, 80%), 未达成 [0, 60%)).
 */
public enum QualitativeBand {
    /** 达成 */
    ACHIEVED("达成"),
    /** 部分达成 */
    PARTIAL("部分达成"),
    /** 未达成 */
    NOT_ACHIEVED("未达成");

    private final String label;

    QualitativeBand(String label) {
        this.label = label;
    }

    /** The Chinese label used on the forms, e.g. "达成". */
    public String label() {
        return label;
    }
}
