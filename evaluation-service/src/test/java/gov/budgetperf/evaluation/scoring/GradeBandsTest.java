package gov.budgetperf.evaluation.scoring;

import static gov.budgetperf.evaluation.scoring.ScoringAssertions.assertRejected;
import static gov.budgetperf.evaluation.scoring.ScoringAssertions.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class GradeBandsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"100, 优", "90, 优", "89.99, 良", "80, 良", "79.99, 中", "60, 中", "59.99, 差", "0, 差"})
    void defaultBandsHaveInclusiveLowerBounds(String total, String grade) {
        assertThat(GradeBands.defaults().grade(d(total))).isEqualTo(grade);
    }

    @Test
    void defaultsAreSortedHighestFirst() {
        assertThat(GradeBands.defaults().bands()).extracting(GradeBands.Band::grade).containsExactly("优", "良", "中", "差");
    }

    @Test
    void customBandsInAnyOrder() {
        GradeBands bands = GradeBands.of("差", 0, "中", 60, "良", 70, "优", 80);

        assertThat(bands.bands()).extracting(GradeBands.Band::grade).containsExactly("优", "良", "中", "差");
        assertThat(bands.grade(d("80"))).isEqualTo("优");
        assertThat(bands.grade(d("79.99"))).isEqualTo("良");
    }

    @Test
    void invalidBandsAreRejected() {
        assertRejected(() -> GradeBands.of("优", 90, "良", "90.0", "差", 0), "bands").contains("start at 90");
        assertRejected(() -> GradeBands.of("优", 90, "良", 80), "bands").contains("must start at 0");
        assertRejected(() -> GradeBands.of("优", 90, "优", 0), "bands").contains("twice");
        assertRejected(() -> GradeBands.of("优", 90, "差", -1), "min");
        assertRejected(() -> new GradeBands(List.of()), "bands");
        assertRejected(() -> GradeBands.of(" ", 0), "grade");
    }

    @Test
    void aNegativeTotalIsRejected() {
        assertRejected(() -> GradeBands.defaults().grade(d("-0.01")), "total");
    }

    @Test
    void roundTripsAsJson() throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        GradeBands bands = mapper.readValue("{\"bands\":[{\"grade\":\"差\",\"min\":0},{\"grade\":\"优\",\"min\":80}]}",
                GradeBands.class);

        assertThat(bands.grade(d("85"))).isEqualTo("优");
        assertThat(mapper.readValue(mapper.writeValueAsString(bands), GradeBands.class)).isEqualTo(bands);
    }
}
