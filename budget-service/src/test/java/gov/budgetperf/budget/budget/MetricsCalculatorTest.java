package gov.budgetperf.budget.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The formulas of DESIGN §3 at their edges, without a database. */
class MetricsCalculatorTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void percentIsRoundedHalfUpFromTheExactQuotient() {
        assertThat(Rate.of(d("401.42"), d("418.03")).percent()).isEqualByComparingTo("96.03");
        assertThat(Rate.of(d("616.04"), d("628.47")).percent()).isEqualByComparingTo("98.02");
        // exactly half: 1/8 = 12.5% → 12.50; 1/16 = 6.25%; 0.00125 = 0.125% → 0.13 (half-up, not half-even)
        assertThat(Rate.of(d("1"), d("800")).percent()).isEqualByComparingTo("0.13");
        assertThat(Rate.of(d("1"), d("3")).ratio()).isEqualByComparingTo("0.333333333333");
        assertThat(Rate.of(d("5"), BigDecimal.ZERO)).isNull();
        assertThat(Rate.of(null, d("5"))).isNull();
    }

    @Test
    void timeProgressCountsTheCurrentMonthByDays() {
        // 30 June: 6 months elapsed; 50% executed → ratio 100
        TimeProgress june = TimeProgress.of(2022, LocalDate.of(2022, 6, 30), d("50.00"), d("100.00"));
        assertThat(june.elapsedMonths()).isEqualByComparingTo("6");
        assertThat(june.ratio()).isEqualByComparingTo("100.00");
        // 15 January: 15/31 month
        TimeProgress jan = TimeProgress.of(2022, LocalDate.of(2022, 1, 15), d("1.00"), d("100.00"));
        assertThat(jan.elapsedMonths()).isEqualByComparingTo("0.4839");
        // (1/100) / ((15/31)/12) * 100 = 24.80
        assertThat(jan.ratio()).isEqualByComparingTo("24.80");
        // before the year: no ratio; after it: the whole year
        assertThat(TimeProgress.of(2022, LocalDate.of(2021, 12, 31), d("1"), d("100")).ratio()).isNull();
        assertThat(TimeProgress.of(2022, LocalDate.of(2023, 3, 1), d("93"), d("100")).ratio()).isEqualByComparingTo("93.00");
        // no budget: no ratio
        assertThat(TimeProgress.of(2022, LocalDate.of(2022, 6, 30), d("1"), BigDecimal.ZERO).ratio()).isNull();
    }

    @Test
    void departmentMetricsFollowTheDesignFormulas() {
        Figures f = new Figures(2022, LocalDate.of(2022, 12, 31));
        f.addInitial(ExpenditureType.PERSONNEL, FundingSource.GENERAL_PUBLIC, d("300.00"));
        f.addInitial(ExpenditureType.PUBLIC_FUNDS, FundingSource.GENERAL_PUBLIC, d("100.00"));
        f.addInitial(ExpenditureType.PROJECT, FundingSource.GOVERNMENT_FUND, d("100.00"));
        f.addAdjustment(ExpenditureType.PUBLIC_FUNDS, FundingSource.GENERAL_PUBLIC, d("20.00"));
        f.addAdjustment(ExpenditureType.PROJECT, FundingSource.GOVERNMENT_FUND, d("-40.00"));
        f.addActual(ExpenditureType.PERSONNEL, FundingSource.GENERAL_PUBLIC, null, d("290.00"));
        f.addActual(ExpenditureType.PUBLIC_FUNDS, FundingSource.GENERAL_PUBLIC, ThreePublicCategory.RECEPTION, d("9.00"));
        f.addActual(ExpenditureType.PUBLIC_FUNDS, FundingSource.GENERAL_PUBLIC, null, d("96.00"));
        f.addActual(ExpenditureType.PROJECT, FundingSource.GOVERNMENT_FUND, null, d("50.00"));
        f.threePublicBudget.put(ThreePublicCategory.RECEPTION, d("10.00"));
        f.threePublicPrior.put(ThreePublicCategory.RECEPTION, d("12.00"));
        f.carryOver = d("29.00");
        f.staffQuota = 10;
        f.actualStaff = 9;

        DepartmentMetrics m = MetricsCalculator.department("X", 3, f, CarryOverDenominator.ADJUSTED_BUDGET);
        assertThat(m.initialBudget()).isEqualByComparingTo("500.00");
        assertThat(m.adjustmentTotal()).isEqualByComparingTo("-20.00");
        assertThat(m.adjustedBudget()).isEqualByComparingTo("480.00");
        assertThat(m.actualExpenditure()).isEqualByComparingTo("445.00");
        assertThat(m.basicExpenditure()).isEqualByComparingTo(m.personnelExpenditure().add(m.publicFundsExpenditure()));
        assertThat(m.actualExpenditure()).isEqualByComparingTo(m.basicExpenditure().add(m.projectExpenditure()));
        assertThat(m.executionRate().percent()).isEqualByComparingTo("92.71"); // 445/480
        assertThat(m.adjustmentRate().percent()).isEqualByComparingTo("-4.00"); // -20/500
        assertThat(m.grossAdjustmentTotal()).isEqualByComparingTo("60.00");
        assertThat(m.grossAdjustmentRate().percent()).isEqualByComparingTo("12.00"); // (20 + 40)/500
        assertThat(m.carryOverRate().percent()).isEqualByComparingTo("6.04"); // 29/480
        assertThat(m.publicFundsControlRate().percent()).isEqualByComparingTo("87.50"); // 105/120
        assertThat(m.threePublic().controlRate().percent()).isEqualByComparingTo("90.00"); // 9/10
        assertThat(m.threePublic().changeRate().percent()).isEqualByComparingTo("-25.00"); // (9-12)/12
        assertThat(m.staffControlRate().percent()).isEqualByComparingTo("90.00");
        assertThat(m.adjustedByFundingSource().get(FundingSource.GOVERNMENT_FUND)).isEqualByComparingTo("60.00");

        assertThat(MetricsCalculator.department("X", 3, f, CarryOverDenominator.INITIAL_BUDGET).carryOverRate().percent())
                .isEqualByComparingTo("5.80"); // 29/500
        assertThat(MetricsCalculator.department("X", 3, f, CarryOverDenominator.ADJUSTED_BUDGET_PLUS_CARRY_OVER)
                .carryOverRate().percent()).isEqualByComparingTo("5.70"); // 29/509
    }

    /** The example: 接待 8 against 10 last year, 用车 20 with no prior-year figure. */
    @Test
    void threePublicChangeRateComparesLikeWithLike() {
        Figures f = new Figures(2022, LocalDate.of(2022, 12, 31));
        f.addActual(ExpenditureType.PUBLIC_FUNDS, FundingSource.GENERAL_PUBLIC, ThreePublicCategory.RECEPTION, d("8.00"));
        f.addActual(ExpenditureType.PUBLIC_FUNDS, FundingSource.GENERAL_PUBLIC, ThreePublicCategory.VEHICLES, d("20.00"));
        f.threePublicPrior.put(ThreePublicCategory.RECEPTION, d("10.00"));

        DepartmentMetrics.ThreePublicMetrics tp = MetricsCalculator.department("X", 1, f,
                CarryOverDenominator.ADJUSTED_BUDGET).threePublic();
        // (28 − 10) ÷ 10 = 180 % compared 接待 + 用车 with 接待 alone: the total cannot be compared, so null.
        assertThat(tp.actual()).isEqualByComparingTo("28.00");
        assertThat(tp.priorYearActual()).isNull();
        assertThat(tp.changeRate()).isNull();
        // each category still has its own: 接待 (8 − 10) ÷ 10 = −20 %, 用车 none
        assertThat(tp.categories().get(0).changeRate().percent()).isEqualByComparingTo("-20.00");
        assertThat(tp.categories().get(1).changeRate()).isNull();

        // 用车 with a prior figure of 0 (none last year, entered as such): compared, (28 − 10) ÷ 10 = +180 % is right then
        f.threePublicPrior.put(ThreePublicCategory.VEHICLES, d("0.00"));
        tp = MetricsCalculator.department("X", 1, f, CarryOverDenominator.ADJUSTED_BUDGET).threePublic();
        assertThat(tp.priorYearActual()).isEqualByComparingTo("10.00");
        assertThat(tp.changeRate().percent()).isEqualByComparingTo("180.00");
        assertThat(tp.categories().get(1).changeRate()).isNull();
    }

    /** A category with no spending this year and no prior-year figure does not make the total null. */
    @Test
    void aCategoryAbsentBothYearsDoesNotTakePart() {
        Figures f = new Figures(2022, LocalDate.of(2022, 12, 31));
        f.addActual(ExpenditureType.PUBLIC_FUNDS, FundingSource.GENERAL_PUBLIC, ThreePublicCategory.RECEPTION, d("8.00"));
        f.threePublicPrior.put(ThreePublicCategory.RECEPTION, d("10.00"));
        f.threePublicBudget.put(ThreePublicCategory.VEHICLES, d("30.00")); // budgeted, nothing spent, no prior figure

        DepartmentMetrics.ThreePublicMetrics tp = MetricsCalculator.department("X", 1, f,
                CarryOverDenominator.ADJUSTED_BUDGET).threePublic();
        assertThat(tp.priorYearActual()).isEqualByComparingTo("10.00");
        assertThat(tp.changeRate().percent()).isEqualByComparingTo("-20.00"); // (8 − 10) ÷ 10
        // a category cut to zero this year does take part: 出国 5 last year, 0 this year
        f.threePublicPrior.put(ThreePublicCategory.OVERSEAS, d("5.00"));
        tp = MetricsCalculator.department("X", 1, f, CarryOverDenominator.ADJUSTED_BUDGET).threePublic();
        assertThat(tp.changeRate().percent()).isEqualByComparingTo("-46.67"); // (8 − 15) ÷ 15
        // nothing spent and no prior figure anywhere: no comparison
        Figures empty = new Figures(2022, LocalDate.of(2022, 12, 31));
        assertThat(MetricsCalculator.department("X", 1, empty, CarryOverDenominator.ADJUSTED_BUDGET).threePublic()
                .changeRate()).isNull();
    }

    /** 财预〔2020〕10号 counts 追加, 追减 and 结构调整 as 预算调整数: the gross rate counts each at its absolute value. */
    @Test
    void grossAdjustmentRateCountsEveryAdjustment() {
        Figures f = new Figures(2022, LocalDate.of(2022, 12, 31));
        f.addInitial(ExpenditureType.PUBLIC_FUNDS, FundingSource.GENERAL_PUBLIC, d("600.00"));
        f.addInitial(ExpenditureType.PROJECT, FundingSource.GENERAL_PUBLIC, d("400.00"));
        // 追加 100 to public funds, 调减 40 of projects, and a structural move: 划出 30 of projects, 追加 30 to public funds
        f.addAdjustment(ExpenditureType.PUBLIC_FUNDS, FundingSource.GENERAL_PUBLIC, d("130.00"));
        f.addAdjustment(ExpenditureType.PROJECT, FundingSource.GENERAL_PUBLIC, d("-40.00"));
        f.addAdjustment(ExpenditureType.PROJECT, FundingSource.GENERAL_PUBLIC, d("-30.00"));

        DepartmentMetrics m = MetricsCalculator.department("X", 1, f, CarryOverDenominator.ADJUSTED_BUDGET);
        assertThat(m.adjustmentTotal()).isEqualByComparingTo("60.00");
        assertThat(m.adjustmentRate().percent()).isEqualByComparingTo("6.00"); // 60 ÷ 1000
        assertThat(m.grossAdjustmentTotal()).isEqualByComparingTo("200.00");
        assertThat(m.grossAdjustmentRate().percent()).isEqualByComparingTo("20.00"); // (130 + 40 + 30) ÷ 1000
        assertThat(m.adjustedBudget()).isEqualByComparingTo("1060.00");
    }
}
