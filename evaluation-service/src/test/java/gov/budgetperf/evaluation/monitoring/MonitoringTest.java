package gov.budgetperf.evaluation.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

import gov.budgetperf.common.testing.Tokens;
import gov.budgetperf.evaluation.peers.BudgetServiceResource;

/**
 * In-year monitoring from the real budget-service's figures cut at the asked date: lights by 序时进度 ratio, for
 * departments and projects, per region, with bands from configuration or the request; likelihood with reasons.
 */
@QuarkusTest
@QuarkusTestResource(BudgetServiceResource.class)
class MonitoringTest {

    private static String budgetUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.budget.url", String.class);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static void post(String path, Map<String, Object> body, Object... params) {
        given().baseUri(budgetUrl()).auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).body(body).when()
                .post(path, params).then().statusCode(201);
    }

    /** A department of the region with one allocation of the given type. */
    private static void department(String code, String region, String type, String initial) {
        post("/api/v1/departments", Map.of("code", code, "name", "监控测试 " + code, "region", region));
        post("/api/v1/departments/{c}/budgets/2022", Map.of("allocations",
                List.of(Map.of("expenditureType", type, "fundingSource", "GENERAL_PUBLIC", "amount", initial))), code);
    }

    private static void spend(String code, String date, String amount, String project) {
        Map<String, Object> body = new HashMap<>(Map.of("date", date, "amount", amount));
        if (project == null) {
            body.put("expenditureType", "PUBLIC_FUNDS");
        } else {
            body.put("projectCode", project);
        }
        post("/api/v1/departments/{c}/budgets/2022/expenditures", body, code);
    }

    private static JsonPath monitor(String token, String region, String asOf, Object... more) {
        var request = given().auth().oauth2(token).queryParam("fiscalYear", 2022).queryParam("region", region);
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        for (int i = 0; i < more.length; i += 2) {
            request.queryParam((String) more[i], more[i + 1]);
        }
        return request.when().get("/api/v1/monitoring").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static String field(JsonPath lines, String dept, String project, String field) {
        String match = project == null ? "it.projectCode == null" : "it.projectCode == '" + project + "'";
        return lines.getString("find { it.departmentCode == '" + dept + "' && " + match + " }." + field);
    }

    @Test
    void aPastDateIsMonitoredWithTheFiguresOfThatDate() {
        String region = unique("监控区");
        String dept = unique("ASOF");
        department(dept, region, "PUBLIC_FUNDS", "1200000.00");
        spend(dept, "2022-05-15", "300000.00", null);
        spend(dept, "2022-09-10", "600000.00", null);

        // asked later for 30 June: (300,000 ÷ 1,200,000) ÷ (6 ÷ 12) × 100 = 50.00, red — September does not count
        JsonPath june = monitor(Tokens.finance(), region, "2022-06-30");
        assertThat(field(june, dept, null, "executed")).isEqualTo("300000.00");
        assertThat(field(june, dept, null, "budget")).isEqualTo("1200000.00");
        assertThat(field(june, dept, null, "timeProgressRatio")).isEqualTo("50.00");
        assertThat(field(june, dept, null, "light")).isEqualTo("RED");

        // a 追加 in November changes November, not June
        post("/api/v1/departments/{c}/budgets/2022/adjustments", Map.of("date", "2022-11-05", "kind", "ADDITION",
                "amount", "300000.00", "expenditureType", "PUBLIC_FUNDS", "reason", "年底追加"), dept);
        JsonPath again = monitor(Tokens.finance(), region, "2022-06-30");
        assertThat(field(again, dept, null, "timeProgressRatio")).isEqualTo("50.00");
        assertThat(field(again, dept, null, "budget")).isEqualTo("1200000.00");
        // 30 September: 900,000 ÷ 1,200,000 ÷ (9 ÷ 12) = 100.00, green
        assertThat(field(monitor(Tokens.finance(), region, "2022-09-30"), dept, null, "timeProgressRatio"))
                .isEqualTo("100.00");
        // 30 November: 900,000 ÷ 1,500,000 ÷ (11 ÷ 12) = 65.45, yellow
        JsonPath november = monitor(Tokens.finance(), region, "2022-11-30");
        assertThat(field(november, dept, null, "timeProgressRatio")).isEqualTo("65.45");
        assertThat(field(november, dept, null, "light")).isEqualTo("YELLOW");
    }

    @Test
    void projectsAreCutAtTheDateToo() {
        String region = unique("监控区");
        String dept = unique("PRJ");
        department(dept, region, "PROJECT", "1000000.00");
        post("/api/v1/departments/{c}/budgets/2022/projects",
                Map.of("code", "P1", "name", "一级项目", "level", 1, "initialBudget", "1000000.00"), dept);
        post("/api/v1/departments/{c}/budgets/2022/projects", Map.of("code", "P1-1", "name", "二级项目", "level", 2,
                "parentCode", "P1", "initialBudget", "200000.00"), dept);
        post("/api/v1/departments/{c}/budgets/2022/projects/P1-1/changes",
                Map.of("date", "2022-05-01", "kind", "ADDITION", "amount", "100000.00", "reason", "追加"), dept);
        post("/api/v1/departments/{c}/budgets/2022/projects/P1-1/changes",
                Map.of("date", "2022-08-01", "kind", "ADDITION", "amount", "100000.00", "reason", "再追加"), dept);
        spend(dept, "2022-06-01", "150000.00", "P1-1");
        spend(dept, "2022-06-20", "400000.00", "P1");
        spend(dept, "2022-10-01", "300000.00", "P1");

        JsonPath june = monitor(Tokens.finance(), region, "2022-06-30");
        // P1 with its child: 550,000 of 1,100,000 by June → 50 % in half a year = 100.00
        assertThat(field(june, dept, "P1", "budget")).isEqualTo("1100000.00");
        assertThat(field(june, dept, "P1", "executed")).isEqualTo("550000.00");
        assertThat(field(june, dept, "P1", "timeProgressRatio")).isEqualTo("100.00");
        // P1-1 alone: 150,000 of 300,000 → 100.00
        assertThat(field(june, dept, "P1-1", "timeProgressRatio")).isEqualTo("100.00");
        // the department: 550,000 of 1,100,000 → 100.00, and its own line comes first
        assertThat(june.getString("[0].projectCode")).isNull();
        assertThat(field(june, dept, null, "timeProgressRatio")).isEqualTo("100.00");
    }

    @Test
    void redsAndYellowsOfARegionWithBandsFromTheRequest() {
        String region = unique("监控区");
        String red = unique("RED");
        String yellow = unique("YEL");
        String green = unique("GRN");
        // as of 30 June (6 of 12 months): 23.92 % executed → 47.84 red; 33.49 % → 66.98 yellow; 45 % → 90.00 green
        department(red, region, "PUBLIC_FUNDS", "4180300.00");
        spend(red, "2022-03-01", "1000000.00", null);
        department(yellow, region, "PUBLIC_FUNDS", "4180300.00");
        spend(yellow, "2022-03-01", "1400000.00", null);
        department(green, region, "PUBLIC_FUNDS", "1000000.00");
        spend(green, "2022-03-01", "450000.00", null);

        JsonPath attention = monitor(Tokens.finance(), region, "2022-06-30", "lights", "RED,YELLOW");
        assertThat(attention.getList("departmentCode")).containsExactlyInAnyOrder(red, yellow);
        assertThat(field(attention, red, null, "timeProgressRatio")).isEqualTo("47.84");
        assertThat(field(attention, yellow, null, "light")).isEqualTo("YELLOW");
        // bands per request: with red below 50 and yellow below 95, green becomes yellow
        JsonPath custom = monitor(Tokens.auditor(), region, "2022-06-30", "redBelow", 50, "yellowBelow", 95);
        assertThat(field(custom, green, null, "light")).isEqualTo("YELLOW");
        assertThat(field(custom, red, null, "light")).isEqualTo("RED");
        // a department sees only itself, whatever region it asks for
        assertThat(monitor(Tokens.department(red), region, "2022-06-30").getList("departmentCode")).containsOnly(red);
        assertThat(monitor(Tokens.department(red), null, "2022-06-30").getList("departmentCode")).containsOnly(red);
        // repeated values work as well; an unknown light is a 400 naming the parameter
        assertThat(monitor(Tokens.finance(), region, "2022-06-30", "lights", "RED").getList("departmentCode"))
                .containsExactly(red);
        given().auth().oauth2(Tokens.finance()).queryParam("fiscalYear", 2022).queryParam("lights", "PURPLE").when()
                .get("/api/v1/monitoring").then().statusCode(400).body("violations[0].field", equalTo("lights"));
        // bands that contradict each other are a 400 naming the field
        given().auth().oauth2(Tokens.finance()).queryParam("fiscalYear", 2022).queryParam("redBelow", 90)
                .queryParam("yellowBelow", 80).when().get("/api/v1/monitoring").then().statusCode(400)
                .body("violations[0].field", equalTo("redBelow"));
    }

    @Test
    void theDefaultDateIsTodayInTheBureausZone() {
        String region = unique("监控区");
        String dept = unique("TODAY");
        department(dept, region, "PUBLIC_FUNDS", "1000.00");
        JsonPath lines = monitor(Tokens.finance(), region, null);
        // the configured zone (Asia/Shanghai), not the machine's
        assertThat(LocalDate.parse(lines.getString("[0].asOf")))
                .isIn(LocalDate.now(ZoneId.of("Asia/Shanghai")), LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1));
    }

    @Test
    void aLikelyMissNeedsReasonAndMeasure() {
        String dept = "LIK-" + UUID.randomUUID().toString().substring(0, 6);
        String token = Tokens.department(dept);
        long id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", dept, "fiscalYear", 2024, "ruleSetCode",
                        "GZ-DEPT-COMMON"))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
        String etag = given().auth().oauth2(token).when().get("/api/v1/evaluations/{id}", id).then().extract()
                .header("ETag");
        JsonPath problem = given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("likelihood", "POSSIBLE")).when()
                .put("/api/v1/evaluations/{id}/indicators/GL55/likelihood", id).then().statusCode(400).extract()
                .jsonPath();
        assertThat(problem.getList("violations.field")).isEqualTo(List.of("reason", "measure"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("likelihood", "POSSIBLE", "reason", "供应商签章延迟", "measure", "督促线上签章")).when()
                .put("/api/v1/evaluations/{id}/indicators/GL55/likelihood", id).then().statusCode(200)
                .body("indicators.find { it.code == 'GL55' }.likelihood", equalTo("POSSIBLE"));
    }
}
