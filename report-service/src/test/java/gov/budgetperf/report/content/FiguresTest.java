package gov.budgetperf.report.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.budgetperf.report.peers.PeerModels;

/** The one formatter of figures: rates, 万元 rounding, an indicator's target and actual from text, number and unit. */
class FiguresTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aRateIsAPercentWithTwoDecimals() {
        assertThat(Figures.percent(d("93"))).isEqualTo("93.00%");
        assertThat(Figures.percent(d("93.00"))).isEqualTo("93.00%");
        assertThat(Figures.percent(d("96.025"))).isEqualTo("96.03%");
        assertThat(Figures.percent(d("0.05"))).isEqualTo("0.05%");
        assertThat(Figures.percent(d("-3.004"))).isEqualTo("-3.00%");
        assertThat(Figures.percent(null)).isEmpty();
    }

    @Test
    void amountsAreWanWithTwoDecimalsRoundedHalfUpOnceFromExactYuan() {
        assertThat(Figures.wan(d("4180300.00"))).isEqualTo("418.03");
        assertThat(Figures.wan(d("1234.50"))).isEqualTo("0.12");
        assertThat(Figures.wan(d("3703.50"))).isEqualTo("0.37");
        assertThat(Figures.wan(d("50.00"))).isEqualTo("0.01");
        assertThat(Figures.wan(d("49.99"))).isEqualTo("0.00");
        assertThat(Figures.wan(d("-50.00"))).isEqualTo("-0.01");
        assertThat(Figures.wanValue(d("5365800.00"))).isEqualByComparingTo("536.58");
        assertThat(Figures.wan(null)).isEmpty();
        assertThat(Figures.wanValue(null)).isNull();
    }

    @Test
    void scoresAndWeights() {
        assertThat(Figures.score(d("9.3"))).isEqualTo("9.30");
        assertThat(Figures.score(d("90.765"))).isEqualTo("90.77");
        assertThat(Figures.weight(d("10.00"))).isEqualTo("10");
        assertThat(Figures.weight(d("2.50"))).isEqualTo("2.5");
    }

    @Test
    void anIndicatorValueIsItsTextElseItsNumberWithItsUnit() {
        assertThat(Figures.indicatorValue("基本健全", null, d("1"), "%")).isEqualTo("基本健全");
        assertThat(Figures.indicatorValue("93.00%", null, d("93.00"), "%")).isEqualTo("93.00%");
        // a blank text is no text
        assertThat(Figures.indicatorValue(" ", null, d("93"), "%")).isEqualTo("93.00%");
        // a number whose unit is % is a percent, printed with two decimals, never stripped nor taken as a ratio
        assertThat(Figures.indicatorValue(null, null, d("93.00"), "%")).isEqualTo("93.00%");
        assertThat(Figures.indicatorValue(null, ">=", d("100"), "%")).isEqualTo("≥100.00%");
        assertThat(Figures.indicatorValue(null, "<=", d("0"), "%")).isEqualTo("≤0.00%");
        // any other unit prints the number as written
        assertThat(Figures.indicatorValue(null, ">=", d("3.0"), "次")).isEqualTo("≥3次");
        assertThat(Figures.indicatorValue(null, null, d("105"), "人")).isEqualTo("105人");
        assertThat(Figures.indicatorValue(null, "=", d("1"), null)).isEqualTo("=1");
        assertThat(Figures.indicatorValue(null, null, null, "%")).isEmpty();
    }

    @Test
    void aBudgetLinkedActualReadFromEvaluationServiceIsPrintedAsItsPercent() {
        ReportData.Evaluation withText = ReportAssembler.evaluation(SampleData.budgetLinkedPeerEvaluation("93.00%"));
        ReportData.Evaluation withoutText = ReportAssembler.evaluation(SampleData.budgetLinkedPeerEvaluation(null));
        for (ReportData.Evaluation e : List.of(withText, withoutText)) {
            ReportData.Indicator lz13 = e.indicators().stream().filter(i -> i.code().equals("LZ13")).findFirst()
                    .orElseThrow();
            assertThat(lz13.actual()).isEqualTo("93.00%");
            assertThat(lz13.target()).isEqualTo("≥100.00%");
        }
        PeerModels.Evaluation peer = SampleData.budgetLinkedPeerEvaluation(null);
        assertThat(peer.indicators()).anyMatch(i -> i.code().equals("LZ13") && i.actualText() == null);
    }
}
