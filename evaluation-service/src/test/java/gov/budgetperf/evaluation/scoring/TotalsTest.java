package gov.budgetperf.evaluation.scoring;

import static gov.budgetperf.evaluation.scoring.ScoringAssertions.assertRejected;
import static gov.budgetperf.evaluation.scoring.ScoringAssertions.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TotalsTest {

    @Test
    void sumsTheScoresWhenEverythingApplies() {
        TotalResult result = Totals.total(List.of(ScoredIndicator.of("a", d("10"), d("8")),
                ScoredIndicator.of("b", d("20"), d("15")), ScoredIndicator.of("c", d("70"), d("63"))), GradeBands.defaults());

        assertThat(result.total()).isEqualTo(d("86.00"));
        assertThat(result.rawSum()).isEqualTo(d("86.00"));
        assertThat(result.applicableWeight()).isEqualByComparingTo("100");
        assertThat(result.totalWeight()).isEqualByComparingTo("100");
        assertThat(result.rescaled()).isFalse();
        assertThat(result.grade()).isEqualTo("良");
        assertThat(result.formula()).isEqualTo("Σ scores = 86.00; grade 良");
    }

    @Test
    void rescalesWhenAnIndicatorIsNotApplicable() {
        TotalResult result = Totals.total(List.of(ScoredIndicator.of("a", d("10"), d("8")),
                ScoredIndicator.notApplicable("b", d("20")), ScoredIndicator.of("c", d("70"), d("63"))), GradeBands.defaults());

        assertThat(result.rawSum()).isEqualTo(d("71.00"));
        assertThat(result.applicableWeight()).isEqualByComparingTo("80");
        assertThat(result.totalWeight()).isEqualByComparingTo("100");
        assertThat(result.total()).isEqualTo(d("88.75"));
        assertThat(result.rescaled()).isTrue();
        assertThat(result.grade()).isEqualTo("良");
        assertThat(result.formula())
                .isEqualTo("Σ applicable scores 71.00 × 100 ÷ 80 = 88.75 (rescaled: weight 20 not applicable); grade 良");
    }

    @Test
    void rescalingRoundsHalfUp() {
        // 65 × 100 ÷ 70 = 92.857142…
        TotalResult result = Totals.total(List.of(ScoredIndicator.of("a", d("70"), d("65")),
                ScoredIndicator.notApplicable("b", d("30"))), GradeBands.defaults());

        assertThat(result.total()).isEqualTo(d("92.86"));
        assertThat(result.grade()).isEqualTo("优");
    }

    @Test
    void aNotApplicableIndicatorMayCarryAScoreThatIsIgnored() {
        TotalResult result = Totals.total(List.of(ScoredIndicator.of("a", d("50"), d("40")),
                new ScoredIndicator("b", d("50"), d("50"), true)), GradeBands.defaults());

        assertThat(result.total()).isEqualTo(d("80.00"));
    }

    @Test
    void totalsAreSumsOfRoundedScores() {
        // 1.005 + 1.005: rounded first 1.01 + 1.01 = 2.02 (adding first and rounding would give 2.01)
        TotalResult result = Totals.total(List.of(ScoredIndicator.of("a", d("2"), d("1.005")),
                ScoredIndicator.of("b", d("2"), d("1.005"))), GradeBands.defaults());

        assertThat(result.total()).isEqualTo(d("2.02"));
    }

    @Test
    void customBandsGradeTheTotal() {
        TotalResult result = Totals.total(List.of(ScoredIndicator.of("a", d("100"), d("82.5"))),
                GradeBands.of("优", 80, "良", 70, "中", 60, "差", 0));

        assertThat(result.grade()).isEqualTo("优");
    }

    @Test
    void invalidLeavesAreRejected() {
        GradeBands bands = GradeBands.defaults();
        assertRejected(() -> Totals.total(List.of(), bands), "leaves");
        assertRejected(() -> Totals.total(List.of(ScoredIndicator.notApplicable("a", d("10"))), bands), "leaves")
                .contains("not applicable");
        assertRejected(() -> Totals.total(List.of(ScoredIndicator.of("a", d("10"), d("10.01"))), bands), "a.score")
                .contains("[0, 10]");
        assertRejected(() -> Totals.total(List.of(ScoredIndicator.of("a", d("10"), null)), bands), "a.score");
        assertRejected(() -> Totals.total(List.of(ScoredIndicator.of("a", d("0"), d("0"))), bands), "a.weight");
        assertRejected(() -> Totals.total(List.of(ScoredIndicator.of("a", d("10"), d("1")),
                ScoredIndicator.of("a", d("10"), d("1"))), bands), "leaves[1].id");
    }
}
