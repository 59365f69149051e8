package gov.budgetperf.evaluation.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.common.testing.OpenApiFuzz;
import gov.budgetperf.common.testing.Tokens;

/**
 * Every operation of evaluation-service's own OpenAPI document with hostile path, query and body values: never a
 * 5xx, every error problem+json (issue 11 §4, §5). The module's test resource runs a real budget-service beside it.
 */
@QuarkusTest
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void hostileInputNeverAnswers5xxAndEveryErrorIsProblemJson() throws Exception {
        String ruleSet = "FUZZ-" + UUID.randomUUID().toString().substring(0, 8);
        String finance = Tokens.finance();
        Map<String, Object> leaf = Map.of("code", "F11", "name", "指标", "weight", 100, "direction", ">=", "rule",
                Map.of("type", "RATIO_POSITIVE"));
        Map<String, Object> tree = Map.of("nodes", List.of(Map.of("code", "F", "name", "一级", "weight", 100, "children",
                List.of(Map.of("code", "F1", "name", "二级", "weight", 100, "children", List.of(leaf))))));
        String etag = given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("code", ruleSet, "name", "模糊测试", "subjectType", "DEPARTMENT", "effectiveFrom",
                        "2022-01-01", "tree", tree))
                .when().post("/api/v1/rule-sets").then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(finance).header("If-Match", etag).when()
                .post("/api/v1/rule-sets/{c}/versions/1/publish", ruleSet).then().statusCode(200);
        long id = given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "DEPARTMENT", "departmentCode",
                        "FUZZ-" + UUID.randomUUID().toString().substring(0, 8), "fiscalYear", 2022,
                        "ruleSetCode", ruleSet))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");

        OpenApiFuzz fuzz = OpenApiFuzz.against(base.toURI(), finance).sample("id", Long.toString(id))
                .sample("code", "F11").sample("version", "1").sample("fiscalYear", "2022").run();

        System.out.println(fuzz.summary("evaluation-service"));
        assertThat(fuzz.failures()).as(String.join("\n", fuzz.failures())).isEmpty();
    }
}
