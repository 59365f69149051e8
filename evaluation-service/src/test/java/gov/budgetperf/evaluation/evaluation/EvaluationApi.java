package gov.budgetperf.evaluation.evaluation;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

import gov.budgetperf.common.testing.Tokens;

/** The evaluation API as the tests of the scoring rules and checks call it (finance token unless given). */
final class EvaluationApi {

    private EvaluationApi() {
    }

    static Map<String, Object> leaf(String code, String name, int weight, String direction, Map<String, Object> rule) {
        return direction == null
                ? Map.of("code", code, "name", name, "weight", weight, "rule", rule)
                : Map.of("code", code, "name", name, "weight", weight, "direction", direction, "rule", rule);
    }

    /** A department rule set of one first-level and one second-level node (weight 100) over the given leaves. */
    static Map<String, Object> ruleSet(String code, List<Map<String, Object>> leaves) {
        return Map.of("code", code, "name", "测试 " + code, "subjectType", "DEPARTMENT", "effectiveFrom", "2022-01-01",
                "tree", Map.of("nodes", List.of(Map.of("code", "S", "name", "一级", "weight", 100, "children",
                        List.of(Map.of("code", "S1", "name", "二级", "weight", 100, "children", leaves))))));
    }

    /** Stores and publishes a rule set. */
    static void publish(Map<String, Object> ruleSet) {
        String finance = Tokens.finance();
        String etag = given().auth().oauth2(finance).contentType(ContentType.JSON).body(ruleSet).when()
                .post("/api/v1/rule-sets").then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(finance).header("If-Match", etag).when()
                .post("/api/v1/rule-sets/{c}/versions/1/publish", ruleSet.get("code")).then().statusCode(200);
    }

    /** A department evaluation of 2022 on the rule set in force. */
    static long evaluation(String dept, String ruleSetCode) {
        return given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", dept, "fiscalYear", 2022, "ruleSetCode",
                        ruleSetCode))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath get(long id) {
        return given().auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations/{id}", id).then().statusCode(200)
                .extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static String etag(long id) {
        return given().auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations/{id}", id).then().statusCode(200)
                .extract().header("ETag");
    }

    /** PUT an indicator's values; the response, to assert its status. */
    static ValidatableResponse put(long id, String code, Map<String, Object> values) {
        return given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(values).when().put("/api/v1/evaluations/{id}/indicators/{code}", id, code).then();
    }

    static ValidatableResponse explainExecution(long id, Map<String, Object> explanations) {
        return given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(explanations).when().put("/api/v1/evaluations/{id}/execution-explanations", id).then();
    }

    static List<Map<String, Object>> findings(long id) {
        return given().auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations/{id}/findings", id).then()
                .statusCode(200).extract().jsonPath().getList("$");
    }

    /** The locations of the findings with a code. */
    static List<Object> where(List<Map<String, Object>> findings, String code) {
        return findings.stream().filter(f -> code.equals(f.get("code"))).map(f -> f.get("location")).toList();
    }

    /** An indicator's field, or null. */
    static String field(JsonPath e, String code, String field) {
        return e.getString("indicators.find { it.code == '" + code + "' }." + field);
    }

    static BigDecimal score(JsonPath e, String code) {
        String s = field(e, code, "score");
        return s == null ? null : new BigDecimal(s);
    }
}
