package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** The raw sums of a department-year as of a date, from which every metric is computed. */
public class Figures {

    public final int fiscalYear;
    public final LocalDate asOf;
    public final Map<ExpenditureType, BigDecimal> initialByType = zeros(ExpenditureType.class);
    public final Map<FundingSource, BigDecimal> initialBySource = zeros(FundingSource.class);
    public final Map<ExpenditureType, BigDecimal> adjustmentByType = zeros(ExpenditureType.class);
    public final Map<FundingSource, BigDecimal> adjustmentBySource = zeros(FundingSource.class);
    public final Map<ExpenditureType, BigDecimal> actualByType = zeros(ExpenditureType.class);
    public final Map<FundingSource, BigDecimal> actualBySource = zeros(FundingSource.class);
    public final Map<ThreePublicCategory, BigDecimal> threePublicBudget = zeros(ThreePublicCategory.class);
    public final Map<ThreePublicCategory, BigDecimal> threePublicActual = zeros(ThreePublicCategory.class);
    public final Map<ThreePublicCategory, BigDecimal> threePublicPrior = new EnumMap<>(ThreePublicCategory.class);
    /** Σ |adjustment| (预算调整数, gross): every 追加, 调减 and 划出 counts, whatever its sign. */
    private BigDecimal adjustmentGross = BigDecimal.ZERO.setScale(2);
    public BigDecimal carryOver = BigDecimal.ZERO;
    public Integer staffQuota;
    public Integer actualStaff;

    public Figures(int fiscalYear, LocalDate asOf) {
        this.fiscalYear = fiscalYear;
        this.asOf = asOf;
    }

    public void addInitial(ExpenditureType type, FundingSource source, BigDecimal amount) {
        initialByType.merge(type, amount, BigDecimal::add);
        initialBySource.merge(source, amount, BigDecimal::add);
    }

    /**
     * Adds adjustments of one kind: a single adjustment or the sum of adjustments of the same kind (same sign), signed
     * (追加 +, 调减 and 划出 −). The gross total adds its absolute value, so callers must never net kinds before calling:
     * the amounts of budget_adjustment are positive (CHECK amount &gt; 0) and the kind gives the sign, so a sum per kind is
     * the sum of its rows' absolute values.
     */
    public void addAdjustment(ExpenditureType type, FundingSource source, BigDecimal signedAmount) {
        adjustmentByType.merge(type, signedAmount, BigDecimal::add);
        adjustmentBySource.merge(source, signedAmount, BigDecimal::add);
        adjustmentGross = adjustmentGross.add(signedAmount.abs());
    }

    /** Σ |adjustment| of the adjustments added so far. */
    public BigDecimal adjustmentGross() {
        return adjustmentGross;
    }

    public void addActual(ExpenditureType type, FundingSource source, ThreePublicCategory threePublic,
            BigDecimal amount) {
        actualByType.merge(type, amount, BigDecimal::add);
        actualBySource.merge(source, amount, BigDecimal::add);
        if (threePublic != null) {
            threePublicActual.merge(threePublic, amount, BigDecimal::add);
        }
    }

    static <E extends Enum<E>> Map<E, BigDecimal> zeros(Class<E> type) {
        Map<E, BigDecimal> m = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            m.put(e, BigDecimal.ZERO.setScale(2));
        }
        return m;
    }

    static BigDecimal sum(Map<?, BigDecimal> m) {
        return m.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
