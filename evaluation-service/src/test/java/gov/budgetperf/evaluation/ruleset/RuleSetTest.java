package gov.budgetperf.evaluation.ruleset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import gov.budgetperf.common.testing.Tokens;

/** Rule sets are data: shipped, validated, versioned, immutable once published. */
@QuarkusTest
class RuleSetTest {

    private static Map<String, Object> leaf(String code, String name, int weight, Map<String, Object> rule) {
        return Map.of("code", code, "name", name, "weight", weight, "rule", rule);
    }

    private static Map<String, Object> input(String code, int secondWeight) {
        return input(code, secondWeight, 95);
    }

    private static Map<String, Object> input(String code, int secondWeight, int threshold) {
        return Map.of("code", code, "name", "测试指标体系", "subjectType", "PROJECT", "effectiveFrom", "2024-01-01", "tree",
                Map.of("nodes", List.of(
                        Map.of("code", code + "-A", "name", "产出指标", "weight", 60, "children", List.of(
                                leaf(code + "-A1", "数量", 30, Map.of("type", "RATIO_POSITIVE")),
                                leaf(code + "-A2", "质量", secondWeight, Map.of("type", "THRESHOLD_STEPS", "threshold", threshold,
                                        "step", 2, "deductionFraction", 0.2)))),
                        Map.of("code", code + "-B", "name", "满意度", "weight", 40, "children",
                                List.of(leaf(code + "-B1", "满意度", 40, Map.of("type", "QUALITATIVE")))))));
    }

    @Test
    void shippedRuleSetsAndBandsAreData() {
        JsonPath zc = given().auth().oauth2(Tokens.department("ANY")).when()
                .get("/api/v1/rule-sets/GZ-DEPT-COMMON/versions/1").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("gradeBands[0].grade", equalTo("优")).extract().jsonPath();
        assertThat(zc.getList("tree.nodes.code")).containsExactly("LZ", "GL");
        assertThat(zc.getList("tree.nodes[1].children.weight", Integer.class)).containsExactly(3, 4, 4, 15, 10, 10, 4);
        given().auth().oauth2(Tokens.finance()).when().get("/api/v1/rule-sets/MOF-PROJECT-SELF/versions/1").then()
                .statusCode(200).body("tree.nodes.weight", equalTo(List.of(10, 50, 30, 10)));
        given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/grade-band-sets").then().statusCode(200)
                .body("code", hasItem("EXCELLENT_FROM_80"));
    }

    @Test
    void weightsThatDoNotAddUpAreRejectedNamingTheNodes() {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath problem = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).body(input(code, 25))
                .when().post("/api/v1/rule-sets").then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(problem.getList("violations.field")).containsExactly("tree.nodes[0].children");
        assertThat(problem.getString("violations[0].message")).contains(code + "-A").contains("55").contains("60");
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "x", "subjectType", "PROJECT", "effectiveFrom", "2024-01-01", "tree",
                        Map.of("nodes", List.of(leaf(code + "-X", "x", 100, Map.of("type", "NO_SUCH_RULE"))))))
                .when().post("/api/v1/rule-sets").then().statusCode(422)
                .body("violations[0].field", equalTo("tree.nodes[0].rule"));
    }

    @Test
    void publishedVersionsAreImmutableAndChangesAreNewVersions() {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        String etag = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).body(input(code, 30))
                .when().post("/api/v1/rule-sets").then().statusCode(201).body("version", equalTo(1))
                // the created version answers when it was created (the column default was never read back)
                .body("createdAt", org.hamcrest.Matchers.notNullValue())
                .body("status", equalTo("DRAFT")).extract().header("ETag");
        // a department cannot define rules
        given().auth().oauth2(Tokens.department("X")).contentType(ContentType.JSON).body(input(code, 30))
                .when().post("/api/v1/rule-sets").then().statusCode(403);
        String published = given().auth().oauth2(Tokens.finance()).header("If-Match", etag).when()
                .post("/api/v1/rule-sets/{c}/versions/1/publish", code).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).extract().header("ETag");
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", published)
                .body(input(code, 30)).when().put("/api/v1/rule-sets/{c}/versions/1", code).then().statusCode(409);
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).body(input(code, 30))
                .when().post("/api/v1/rule-sets").then().statusCode(201).body("version", equalTo(2));
    }

    @Test
    void evaluationsMoveToANewVersionKeepingTheirValues() {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        String finance = Tokens.finance();
        String etag = given().auth().oauth2(finance).contentType(ContentType.JSON).body(input(code, 30, 95)).when()
                .post("/api/v1/rule-sets").then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(finance).header("If-Match", etag).when()
                .post("/api/v1/rule-sets/{c}/versions/1/publish", code).then().statusCode(200);
        long id = given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "PROJECT", "departmentCode", "MIG-" + code, "fiscalYear", 2024, "projectCode",
                        "P1", "ruleSetCode", code))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
        String evEtag = given().auth().oauth2(finance).when().get("/api/v1/evaluations/{id}", id).then().extract()
                .header("ETag");
        // 93 against "≥ 95, each 2 short deducts 20%": 24 of 30
        given().auth().oauth2(finance).contentType(ContentType.JSON).header("If-Match", evEtag)
                .body(Map.of("actual", 93, "reason", "r", "measure", "m")).when()
                .put("/api/v1/evaluations/{id}/indicators/{i}", id, code + "-A2").then().statusCode(200)
                .body("indicators.find { it.code == '" + code + "-A2' }.score", equalTo(24.0f));

        // version 2 lowers the threshold to 90; moving the evaluation keeps its actual and rescores it: 30 of 30
        String etag2 = given().auth().oauth2(finance).contentType(ContentType.JSON).body(input(code, 30, 90)).when()
                .post("/api/v1/rule-sets").then().statusCode(201).body("version", equalTo(2)).extract().header("ETag");
        given().auth().oauth2(finance).header("If-Match", etag2).when()
                .post("/api/v1/rule-sets/{c}/versions/2/publish", code).then().statusCode(200);
        given().auth().oauth2(finance).when().post("/api/v1/rule-sets/{c}/versions/2/rescore", code).then()
                .statusCode(200).body("evaluations", equalTo(1));
        JsonPath e = given().auth().oauth2(finance).when().get("/api/v1/evaluations/{id}", id).then().statusCode(200)
                .body("ruleSet", equalTo(code + "/v2")).extract().jsonPath();
        assertThat(e.getFloat("indicators.find { it.code == '" + code + "-A2' }.score")).isEqualTo(30.0f);
        assertThat(e.getString("indicators.find { it.code == '" + code + "-A2' }.scoreExplanation.ruleSetVersion"))
                .isEqualTo(code + "/v2");
    }
}
