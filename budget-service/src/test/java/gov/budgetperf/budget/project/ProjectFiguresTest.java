package gov.budgetperf.budget.project;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.Tokens;

/**
 * A first-level project's figures include its second-level projects on both sides (DESIGN §3), its initial budget
 * includes theirs, and a project's reductions cannot exceed what it has.
 */
@QuarkusTest
class ProjectFiguresTest {

    private static final String PROJECTS = "/api/v1/departments/{c}/budgets/2022/projects";

    @Test
    void parentFiguresIncludeTheChildrensChangesAndSpending() {
        String code = departmentWithParent("1000000.00");
        project(code, "C1", 2, "P1", "200000.00").statusCode(201);
        change(code, "C1", "ADDITION", "100000.00", "2022-05-10").statusCode(201);
        Fixtures.expenditure(code, 2022, "2022-06-01", "300000.00", null, "C1");
        Fixtures.expenditure(code, 2022, "2022-07-01", "700000.00", null, "P1");

        // budget 1,000,000 + 100,000 = 1,100,000; executed 700,000 + 300,000 = 1,000,000: 90.91 %
        JsonPath parent = metrics(code, "P1");
        assertThat(dec(parent, "additions")).isEqualByComparingTo("100000.00");
        assertThat(dec(parent, "adjustedBudget")).isEqualByComparingTo("1100000.00");
        assertThat(dec(parent, "executed")).isEqualByComparingTo("1000000.00");
        assertThat(dec(parent, "executionRate.percent")).isEqualByComparingTo("90.91");
        // the child alone: 300,000 of 300,000
        JsonPath child = metrics(code, "C1");
        assertThat(dec(child, "adjustedBudget")).isEqualByComparingTo("300000.00");
        assertThat(dec(child, "executionRate.percent")).isEqualByComparingTo("100.00");
        // a child's change dated after the as-of date does not count for the parent either
        JsonPath may = given().auth().oauth2(Tokens.finance()).when()
                .get(PROJECTS + "/P1/metrics?asOf=2022-05-01", code).then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(dec(may, "adjustedBudget")).isEqualByComparingTo("1000000.00");
    }

    @Test
    void childrenInitialBudgetsCannotExceedTheParentsThatIncludesThem() {
        String code = departmentWithParent("1000000.00");
        project(code, "C1", 2, "P1", "600000.00").statusCode(201);
        project(code, "C2", 2, "P1", "400000.01").statusCode(400)
                .body("violations.field", hasItem("initialBudget"))
                .body("detail", containsString("1000000.01"));
        project(code, "C2", 2, "P1", "400000.00").statusCode(201);

        // the parent cannot shrink below its children's 1,000,000 either
        String etag = given().auth().oauth2(Tokens.finance()).when().get(PROJECTS + "/P1", code).then()
                .statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("code", "P1", "name", "一级项目", "level", 1, "initialBudget", "999999.99")).when()
                .put(PROJECTS + "/P1", code).then().statusCode(400).body("violations.field", hasItem("initialBudget"));
        // nor become a second-level project while it has some
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("code", "P1", "name", "一级项目", "level", 2, "parentCode", "C1", "initialBudget",
                        "1000000.00"))
                .when().put(PROJECTS + "/P1", code).then().statusCode(400);
    }

    @Test
    void reductionsAndTransfersCannotExceedInitialPlusAdditions() {
        String code = departmentWithParent("100000.00");
        project(code, "C1", 2, "P1", "30000.00").statusCode(201);
        change(code, "C1", "ADDITION", "10000.00", "2022-06-01").statusCode(201);
        // 30,000 + 10,000 = 40,000 from June; in March the child has only its 30,000
        change(code, "C1", "REDUCTION", "35000.00", "2022-03-01").statusCode(409)
                .body("violations.field", hasItem("amount")).body("detail", containsString("30000.00"));
        change(code, "C1", "TRANSFER_OUT", "40000.01", "2022-07-01").statusCode(409)
                .body("violations.field", hasItem("amount")).body("detail", containsString("40000.00"));
        change(code, "C1", "TRANSFER_OUT", "40000.00", "2022-07-01").statusCode(201);
        // the parent: 100,000 + 10,000 - 40,000 = 70,000 left
        change(code, "P1", "REDUCTION", "70000.01", "2022-08-01").statusCode(409)
                .body("violations.field", hasItem("amount"));
        change(code, "P1", "REDUCTION", "70000.00", "2022-08-01").statusCode(201);
        assertThat(dec(metrics(code, "P1"), "adjustedBudget")).isEqualByComparingTo("0.00");
        // nothing refused was stored
        given().auth().oauth2(Tokens.finance()).when().get(PROJECTS + "/C1/changes", code).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(2));
    }

    private static String departmentWithParent(String initial) {
        String code = Fixtures.uniqueCode("PFIG");
        Fixtures.department(code, "项目口径测试", "测试区");
        Fixtures.budget(code, 2022, List.of(alloc("PROJECT", "GENERAL_PUBLIC", initial)));
        project(code, "P1", 1, null, initial).statusCode(201);
        return code;
    }

    private static ValidatableResponse project(String code, String project, int level, String parent, String initial) {
        Map<String, Object> body = new HashMap<>(
                Map.of("code", project, "name", "项目 " + project, "level", level, "initialBudget", initial));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        return given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).body(body).when()
                .post(PROJECTS, code).then();
    }

    private static ValidatableResponse change(String code, String project, String kind, String amount, String date) {
        return given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "amount", amount, "date", date, "reason", "调整")).when()
                .post(PROJECTS + "/{p}/changes", code, project).then();
    }

    private static JsonPath metrics(String code, String project) {
        return given().auth().oauth2(Tokens.finance()).when().get(PROJECTS + "/{p}/metrics", code, project).then()
                .statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static BigDecimal dec(JsonPath j, String path) {
        return new BigDecimal(j.getString(path));
    }
}
