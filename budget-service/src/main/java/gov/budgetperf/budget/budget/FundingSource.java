package gov.budgetperf.budget.budget;

/** Funding source (资金来源). */
public enum FundingSource {
    /** 一般公共预算. */
    GENERAL_PUBLIC,
    /** 政府性基金. */
    GOVERNMENT_FUND,
    /** 其他. */
    OTHER
}
