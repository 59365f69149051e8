package gov.budgetperf.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.budgetperf.report.content.ReportAssembler.RegionData;
import gov.budgetperf.report.content.SampleData;

/** Open data carries the budget-linked 部门预算资金支出率 at 93 % as "93.00%", in JSON and CSV, never "0.93%". */
class OpenDataActualsTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "93.00%")
    void theBudgetLinkedActualIsItsPercent(String actualText) throws Exception {
        OpenDataWriter writer = new OpenDataWriter();
        writer.mapper = new ObjectMapper().findAndRegisterModules();
        RegionData data = new RegionData(SampleData.regionSummary(),
                List.of(SampleData.budgetLinkedReport(actualText)));

        byte[] json = writer.json(data, null);
        JsonNode lz13 = null;
        for (JsonNode i : writer.mapper.readTree(json).path("departments").path(0).path("indicators")) {
            if (i.path("code").asText().equals("LZ13")) {
                lz13 = i;
            }
        }
        assertThat(lz13).isNotNull();
        assertThat(lz13.path("actual").asText()).isEqualTo("93.00%");

        String csv = new String(writer.csv(data, null), StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(l -> l.contains(",LZ13,"))).singleElement().asString().contains(",93.00%,");
        assertThat(new String(json, StandardCharsets.UTF_8) + csv).doesNotContain("0.93%");
    }
}
