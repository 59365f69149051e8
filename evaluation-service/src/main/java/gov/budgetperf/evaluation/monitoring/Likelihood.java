package gov.budgetperf.evaluation.monitoring;

/** Will an indicator reach its target by year end? Anything but CERTAIN needs a reason and a measure. */
public enum Likelihood {
    /** 确定能. */
    CERTAIN,
    /** 有可能. */
    POSSIBLE,
    /** 不可能. */
    IMPOSSIBLE
}
