package gov.budgetperf.budget.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the DESIGN §3 formulas that need no database, run by jqwik's engine beside the Jupiter tests. The
 * figures through the real schema are {@link MetricsPropertyTest}.
 */
class MetricsCalculatorPropertiesTest {

    record Adjustment(ExpenditureType type, FundingSource source, AdjustmentKind kind, BigDecimal amount) {
    }

    /** Category → (actual this year, prior-year figure or null). */
    record ThreePublic(Map<ThreePublicCategory, BigDecimal> actual, Map<ThreePublicCategory, BigDecimal> prior) {
    }

    @Provide
    Arbitrary<List<Adjustment>> adjustments() {
        return Combinators.combine(Arbitraries.of(ExpenditureType.class), Arbitraries.of(FundingSource.class),
                Arbitraries.of(AdjustmentKind.class), Arbitraries.bigDecimals().between(new BigDecimal("0.01"),
                        new BigDecimal("1000000.00")).ofScale(2))
                .as(Adjustment::new).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<ThreePublic> threePublic() {
        Arbitrary<BigDecimal> amount = Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO.setScale(2)),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50000.00")).ofScale(2));
        return Combinators.combine(Arbitraries.maps(Arbitraries.of(ThreePublicCategory.class), amount),
                Arbitraries.maps(Arbitraries.of(ThreePublicCategory.class), amount)).as(ThreePublic::new);
    }

    /** Net = Σ signed, gross = Σ |each|, so |net| ≤ gross, and the gross rate is never below the net one in size. */
    @Property(tries = 300)
    void grossCountsEveryAdjustmentAtItsAbsoluteValue(@ForAll("adjustments") List<Adjustment> adjustments) {
        Figures f = new Figures(2023, LocalDate.of(2023, 12, 31));
        f.addInitial(ExpenditureType.PERSONNEL, FundingSource.GENERAL_PUBLIC, new BigDecimal("5000000.00"));
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (Adjustment a : adjustments) {
            BigDecimal signed = a.kind().sign() > 0 ? a.amount() : a.amount().negate();
            f.addAdjustment(a.type(), a.source(), signed);
            net = net.add(signed);
            gross = gross.add(a.amount());
        }
        DepartmentMetrics m = MetricsCalculator.department("P", 1, f, CarryOverDenominator.ADJUSTED_BUDGET);
        assertThat(m.adjustmentTotal()).isEqualByComparingTo(net);
        assertThat(m.grossAdjustmentTotal()).isEqualByComparingTo(gross);
        assertThat(m.adjustedBudget()).isEqualByComparingTo(m.initialBudget().add(net));
        assertThat(m.grossAdjustmentRate().ratio().abs()).isGreaterThanOrEqualTo(m.adjustmentRate().ratio().abs());
    }

    /**
     * The total change rate is null exactly when a category that spent this year has no prior-year figure; otherwise it
     * is (Σ actual − Σ prior) ÷ Σ prior over every category, absent ones adding 0 to both.
     */
    @Property(tries = 300)
    void threePublicChangeRateComparesLikeWithLike(@ForAll("threePublic") ThreePublic tp) {
        Figures f = new Figures(2023, LocalDate.of(2023, 12, 31));
        tp.actual().forEach((c, a) -> f.addActual(ExpenditureType.PUBLIC_FUNDS, FundingSource.GENERAL_PUBLIC, c, a));
        f.threePublicPrior.putAll(tp.prior());
        Rate change = MetricsCalculator.department("P", 1, f, CarryOverDenominator.ADJUSTED_BUDGET).threePublic()
                .changeRate();

        boolean missing = tp.actual().entrySet().stream()
                .anyMatch(e -> e.getValue().signum() != 0 && !tp.prior().containsKey(e.getKey()));
        BigDecimal actual = tp.actual().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal prior = tp.prior().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (missing || prior.signum() == 0) {
            assertThat(change).isNull();
        } else {
            assertThat(change).isEqualTo(Rate.of(actual.subtract(prior), prior));
        }
    }
}
