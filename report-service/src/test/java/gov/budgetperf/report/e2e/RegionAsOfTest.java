package gov.budgetperf.report.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.common.testing.Tokens;

/**
 * A region summary asked for a date shows that date's execution and that date's monitoring lights, both cut at it
 * by the real budget-service and evaluation-service, whatever was posted later.
 */
@QuarkusTest
class RegionAsOfTest {

    @Test
    void aSummaryForJuneShowsJunesFiguresAndLights() throws Exception {
        String region = "截至测试区-" + UUID.randomUUID().toString().substring(0, 6);
        String dept = Fixtures.newDepartment(region);
        // 1,000,000 of budget; 250,000 spent on 30 June, 600,000 more on 30 September
        Fixtures.budget(dept, "250000.00");
        Fixtures.spend(dept, "2022-09-30", "600000.00");

        var june = Fixtures.report(Map.of("type", "REGION_SUMMARY", "format", "HTML", "region", region, "fiscalYear",
                2022, "asOf", "2022-06-30")).statusCode(201).body("asOf", equalTo("2022-06-30")).extract().jsonPath();
        String html = new String(Fixtures.content(june.getLong("id")), StandardCharsets.UTF_8);
        // 25.00 % executed in half a year: 序时进度 50.00, red; the September spending does not count
        assertThat(html).contains("数据截至 2022-06-30", "25.00%", "红灯：1 个", "绿灯：0 个").doesNotContain("85.00%");
        assertThat(june.getString("fileName")).contains("截至2022-06-30");

        // the year: 85.00 %, green (85 ≥ 80)
        var year = Fixtures.report(Map.of("type", "REGION_SUMMARY", "format", "HTML", "region", region, "fiscalYear",
                2022)).statusCode(201).extract().jsonPath();
        assertThat(new String(Fixtures.content(year.getLong("id")), StandardCharsets.UTF_8))
                .contains("数据截至 2022-12-31", "85.00%", "绿灯：1 个", "红灯：0 个");
        assertThat(year.getString("asOf")).isNull();
    }

    @Test
    void anAsOfDateIsForRegionDocumentsOfTheirYear() {
        for (Map<String, Object> body : new Map[]{
                Map.of("type", "DEPARTMENT_FORM", "format", "HTML", "departmentCode", "GZ-TH-GSL", "fiscalYear", 2022,
                        "asOf", "2022-06-30"),
                Map.of("type", "REGION_SUMMARY", "format", "HTML", "region", "天河区", "fiscalYear", 2022, "asOf",
                        "2023-01-31")}) {
            given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).body(body).when()
                    .post("/api/v1/reports").then().statusCode(400).body("violations[0].field", equalTo("asOf"));
        }
    }

    @Test
    void aRegionSummaryIsNoDepartmentsDocument() {
        // a summary stored under a department's code would be readable by that department
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("type", "REGION_SUMMARY", "format", "HTML", "region", "天河区", "fiscalYear", 2022,
                        "departmentCode", "GZ-TH-GSL"))
                .when().post("/api/v1/reports").then().statusCode(400)
                .body("violations[0].field", equalTo("departmentCode"));
    }
}
