package gov.budgetperf.budget.execution;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.Tokens;

/** GET /api/v1/execution: every department-year and project of a region cut at a date, for the caller's eyes. */
@QuarkusTest
class ExecutionTest {

    private static JsonPath execution(String token, String region, String asOf) {
        return given().auth().oauth2(token).queryParam("fiscalYear", 2022).queryParam("region", region)
                .queryParam("asOf", asOf).when().get("/api/v1/execution").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @Test
    void aRegionCutAtADate() {
        String region = "执行区-" + UUID.randomUUID().toString().substring(0, 6);
        String a = Fixtures.uniqueCode("EXA");
        String b = Fixtures.uniqueCode("EXB");
        Fixtures.department(a, "执行测试甲", region);
        Fixtures.department(b, "执行测试乙", region);
        Fixtures.budget(a, 2022, List.of(alloc("PUBLIC_FUNDS", "GENERAL_PUBLIC", "1200000.00")));
        Fixtures.budget(b, 2022, List.of(alloc("PROJECT", "GENERAL_PUBLIC", "500000.00")));
        Fixtures.expenditure(a, 2022, "2022-05-15", "300000.00", "PUBLIC_FUNDS", null);
        Fixtures.expenditure(a, 2022, "2022-09-10", "600000.00", "PUBLIC_FUNDS", null);
        Fixtures.adjustment(a, 2022, "2022-11-05", "ADDITION", "300000.00", "PUBLIC_FUNDS");
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("code", "B1", "name", "项目", "level", 1, "initialBudget", "500000.00")).when()
                .post("/api/v1/departments/{c}/budgets/2022/projects", b).then().statusCode(201);
        Fixtures.expenditure(b, 2022, "2022-06-15", "100000.00", null, "B1");
        Fixtures.expenditure(b, 2022, "2022-06-30", "50000.00", null, "B1");
        Fixtures.expenditure(b, 2022, "2022-07-01", "70000.00", null, "B1");

        // 30 June: a has 300,000 of 1,200,000 (September and the November 追加 do not count); b's project 150,000
        JsonPath june = execution(Tokens.finance(), region, "2022-06-30");
        assertThat(june.getList("departmentCode")).containsExactlyInAnyOrder(a, b, b);
        assertThat(june.getString("find { it.departmentCode == '" + a + "' }.executed")).isEqualTo("300000.00");
        assertThat(june.getString("find { it.departmentCode == '" + a + "' }.adjustedBudget")).isEqualTo("1200000.00");
        assertThat(june.getString("find { it.projectCode == 'B1' }.executed")).isEqualTo("150000.00");
        assertThat(june.getString("find { it.projectCode == 'B1' }.projectLevel")).isEqualTo("1");
        // mid-month (15 June): only the days up to it
        assertThat(execution(Tokens.finance(), region, "2022-06-15")
                .getString("find { it.projectCode == 'B1' }.executed")).isEqualTo("100000.00");
        // year end: a has 900,000 of 1,500,000
        JsonPath end = execution(Tokens.auditor(), region, "2022-12-31");
        assertThat(end.getString("find { it.departmentCode == '" + a + "' }.adjustedBudget")).isEqualTo("1500000.00");
        assertThat(end.getString("find { it.departmentCode == '" + a + "' }.adjustmentTotal")).isEqualTo("300000.00");

        // a department sees only itself, whatever it asks for
        assertThat(execution(Tokens.department(a), region, "2022-12-31").getList("departmentCode")).containsOnly(a);
        assertThat(given().auth().oauth2(Tokens.department(a)).queryParam("fiscalYear", 2022)
                .queryParam("departmentCode", b).when().get("/api/v1/execution").then().statusCode(200).extract()
                .jsonPath().getList("$")).isEmpty();
    }

    @Test
    void theYearIsRequiredTheDateReadableAndATokenNeeded() {
        given().auth().oauth2(Tokens.finance()).when().get("/api/v1/execution").then().statusCode(400)
                .body("violations[0].field", equalTo("fiscalYear"));
        given().auth().oauth2(Tokens.finance()).queryParam("fiscalYear", 2022).queryParam("asOf", "30.06.2022").when()
                .get("/api/v1/execution").then().statusCode(400).body("violations[0].field", equalTo("asOf"));
        given().queryParam("fiscalYear", 2022).when().get("/api/v1/execution").then().statusCode(401);
    }
}
