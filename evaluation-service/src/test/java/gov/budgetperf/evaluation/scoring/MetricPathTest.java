package gov.budgetperf.evaluation.scoring;

import static gov.budgetperf.evaluation.scoring.ScoringAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The metric a budget-linked indicator binds: the older names, paths into nested metrics, what is known. */
class MetricPathTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode metrics() throws Exception {
        return JSON.readTree("""
                {"executionRate": {"ratio": 0.932450000000, "percent": 93.25},
                 "publicFundsControlRate": {"ratio": 0.95, "percent": 95.00},
                 "adjustmentRate": null,
                 "threePublic": {"controlRate": {"ratio": 0.75, "percent": 75.0},
                   "changeRate": {"ratio": -0.123, "percent": -12.30},
                   "categories": [
                     {"category": "RECEPTION", "changeRate": {"ratio": -0.166666666667, "percent": -16.67}},
                     {"category": "VEHICLES", "changeRate": {"ratio": 0.05, "percent": 5.00}}]},
                 "staffControlRate": {"ratio": 0.916666666667}}
                """);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"EXECUTION_RATE, 93.25", "executionRate, 93.25", "department:executionRate, 93.25",
            "PUBLIC_FUNDS_CONTROL_RATE, 95.00", "threePublic.controlRate, 75.00", "threePublic.changeRate, -12.30",
            "threePublic.categories[RECEPTION].changeRate, -16.67", "threePublic.categories[VEHICLES].changeRate, 5.00",
            "staffControlRate, 91.67"})
    void readsThePercentAsShown(String metric, String percent) throws Exception {
        assertThat(MetricPath.percent(MetricPath.parse(metric).resolve(metrics()))).isEqualByComparingTo(percent)
                .hasScaleOf(2);
    }

    @Test
    void aRateThatIsNullOrAbsentHasNoValue() throws Exception {
        assertThat(MetricPath.percent(MetricPath.parse("adjustmentRate").resolve(metrics()))).isNull();
        assertThat(MetricPath.percent(MetricPath.parse("threePublic.categories[OVERSEAS].changeRate").resolve(metrics())))
                .isNull();
    }

    @Test
    void theOlderNamesKeepTheirScope() {
        assertThat(MetricPath.parse("EXECUTION_RATE").scope()).isEqualTo(MetricPath.Scope.DEPARTMENT);
        assertThat(MetricPath.parse("PROJECT_EXECUTION_RATE").scope()).isEqualTo(MetricPath.Scope.PROJECT);
        assertThat(MetricPath.parse("PROJECT_EXECUTION_RATE").segments()).extracting(MetricPath.Segment::field)
                .containsExactly("executionRate");
        assertThat(MetricPath.parse(null).text()).isEqualTo("EXECUTION_RATE");
        // a path without a scope reads the evaluated subject's figures
        assertThat(MetricPath.parse("executionRate").readsProject(true)).isTrue();
        assertThat(MetricPath.parse("executionRate").readsProject(false)).isFalse();
        assertThat(MetricPath.parse("EXECUTION_RATE").readsProject(true)).isFalse();
    }

    @Test
    void executionRatesAreTheDepartmentsAndTheProjects() {
        assertThat(MetricPath.parse("EXECUTION_RATE").isExecutionRate()).isTrue();
        assertThat(MetricPath.parse("project:executionRate").isExecutionRate()).isTrue();
        assertThat(MetricPath.parse("staffControlRate").isExecutionRate()).isFalse();
        assertThat(MetricPath.parse("timeProgress.executed").isExecutionRate()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"threePublic..controlRate", "ThreePublic.controlRate", "team:executionRate",
            "threePublic.categories[reception].changeRate", "executionRate.", "Execution_Rate"})
    void aMalformedMetricIsRejected(String metric) {
        assertRejected(() -> MetricPath.parse(metric), "metric").contains(metric);
    }

    @Test
    void onlyTheRatesBudgetServicePublishesAreKnown() {
        assertThat(MetricPath.parse("threePublic.categories[RECEPTION].controlRate").unknownBecause()).isNull();
        assertThat(MetricPath.parse("project:executionRate").unknownBecause()).isNull();
        assertThat(MetricPath.parse("grossAdjustmentRate").unknownBecause()).isNull();
        assertThat(MetricPath.parse("PROJECT_EXECUTION_RATE").unknownBecause()).isNull();
        assertThat(MetricPath.parse("exectionRate").unknownBecause()).contains("exectionRate", "executionRate");
        assertThat(MetricPath.parse("project:staffControlRate").unknownBecause()).contains("a project");
        assertThat(MetricPath.parse("threePublic.categories[TRAVEL].changeRate").unknownBecause())
                .contains("TRAVEL", "RECEPTION");
        assertThat(MetricPath.parse("threePublic.categories.changeRate").unknownBecause()).isNotNull();
        assertThat(MetricPath.parse("actualExpenditure").unknownBecause()).isNotNull();
    }
}
