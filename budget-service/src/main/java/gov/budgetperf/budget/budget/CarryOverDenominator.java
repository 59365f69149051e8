package gov.budgetperf.budget.budget;

/** What the carry-over rate (结转结余率) divides by; rule sets differ, so it is a setting and a query parameter. */
public enum CarryOverDenominator {
    /** 调整后预算 (default). */
    ADJUSTED_BUDGET,
    /** 年初预算. */
    INITIAL_BUDGET,
    /** 调整后预算 + 结转结余: the whole money available in the year. */
    ADJUSTED_BUDGET_PLUS_CARRY_OVER
}
