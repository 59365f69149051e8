package gov.budgetperf.budget.budget;

/** The "three public" costs (三公经费). */
public enum ThreePublicCategory {
    /** 公务接待. */
    RECEPTION,
    /** 公务用车购置及运行. */
    VEHICLES,
    /** 因公出国（境）. */
    OVERSEAS
}
