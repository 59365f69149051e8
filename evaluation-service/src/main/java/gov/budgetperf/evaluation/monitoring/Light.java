package gov.budgetperf.evaluation.monitoring;

/** Traffic light of execution against time elapsed. */
public enum Light {
    RED, YELLOW, GREEN,
    /** No budget, or the year has not started: no ratio. */
    NONE
}
