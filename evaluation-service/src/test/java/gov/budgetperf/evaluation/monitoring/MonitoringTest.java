package gov.budgetperf.evaluation.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import gov.budgetperf.common.testing.Tokens;
import gov.budgetperf.evaluation.evaluation.BudgetEventsFixture;

/** In-year monitoring follows budget.events: lights by 序时进度 ratio, likelihood with reasons. */
@QuarkusTest
class MonitoringTest {

    @Test
    void redsAndYellowsOfARegion() throws Exception {
        String region = "监控区-" + UUID.randomUUID().toString().substring(0, 6);
        String red = "RED-" + UUID.randomUUID().toString().substring(0, 6);
        String yellow = "YEL-" + UUID.randomUUID().toString().substring(0, 6);
        String green = "GRN-" + UUID.randomUUID().toString().substring(0, 6);
        try (BudgetEventsFixture budget = new BudgetEventsFixture()) {
            // as of 30 June (6 of 12 months): 23.92% executed → 47.84 red; 33.49% → 66.98 yellow; 45% → 90.00 green
            budget.send(budget.budgetChanged(red, region, 2022, 1, "4180300.00", "1000000.00"));
            budget.send(budget.budgetChanged(yellow, region, 2022, 1, "4180300.00", "1400000.00"));
            budget.send(budget.budgetChanged(green, region, 2022, 1, "1000000.00", "450000.00"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath lines = given().auth().oauth2(Tokens.finance()).queryParam("fiscalYear", 2022)
                    .queryParam("region", region).queryParam("asOf", "2022-06-30").queryParam("lights", "RED", "YELLOW")
                    .when().get("/api/v1/monitoring").then().statusCode(200).extract().jsonPath();
            assertThat(lines.getList("departmentCode")).containsExactlyInAnyOrder(red, yellow);
            assertThat(lines.getString("find { it.departmentCode == '" + red + "' }.timeProgressRatio")).isEqualTo("47.84");
            assertThat(lines.getString("find { it.departmentCode == '" + yellow + "' }.light")).isEqualTo("YELLOW");
        });
        // bands are configurable per request: with red below 50 and yellow below 95, green becomes yellow
        JsonPath custom = given().auth().oauth2(Tokens.auditor()).queryParam("fiscalYear", 2022).queryParam("region", region)
                .queryParam("asOf", "2022-06-30").queryParam("redBelow", 50).queryParam("yellowBelow", 95).when()
                .get("/api/v1/monitoring").then().statusCode(200).extract().jsonPath();
        assertThat(custom.getString("find { it.departmentCode == '" + green + "' }.light")).isEqualTo("YELLOW");
        assertThat(custom.getString("find { it.departmentCode == '" + red + "' }.light")).isEqualTo("RED");
        // a department sees only itself
        assertThat(given().auth().oauth2(Tokens.department(red)).queryParam("fiscalYear", 2022).when()
                .get("/api/v1/monitoring").then().statusCode(200).extract().jsonPath().getList("departmentCode"))
                .containsOnly(red);
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
