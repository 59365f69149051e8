package gov.budgetperf.budget.budget;

/** Expenditure type: 人员经费 and 日常公用经费 together make basic expenditure (基本支出); 项目支出 is project expenditure. */
public enum ExpenditureType {
    /** 人员经费. */
    PERSONNEL,
    /** 日常公用经费. */
    PUBLIC_FUNDS,
    /** 项目支出. */
    PROJECT;

    public boolean isBasic() {
        return this != PROJECT;
    }
}
