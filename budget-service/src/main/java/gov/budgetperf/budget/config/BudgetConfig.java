package gov.budgetperf.budget.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import gov.budgetperf.budget.budget.CarryOverDenominator;

/** budget-service settings. */
@ConfigMapping(prefix = "budget")
public interface BudgetConfig {

    /** Default denominator of the carry-over rate (结转结余率) when a request does not name one. */
    @WithDefault("ADJUSTED_BUDGET")
    CarryOverDenominator carryOverDenominator();

    /** Most data rows accepted in one imported file. */
    @WithDefault("2000000")
    int importMaxRows();
}
