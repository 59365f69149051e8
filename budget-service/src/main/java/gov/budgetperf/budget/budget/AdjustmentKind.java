package gov.budgetperf.budget.budget;

/** 追加 ADDITION, 调减 REDUCTION, 划出 TRANSFER_OUT. */
public enum AdjustmentKind {
    ADDITION, REDUCTION, TRANSFER_OUT;

    /** +1 for an addition, -1 for a reduction or a transfer out. */
    public int sign() {
        return this == ADDITION ? 1 : -1;
    }
}
