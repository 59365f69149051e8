package gov.budgetperf.evaluation.evaluation;

import static gov.budgetperf.evaluation.evaluation.EvaluationApi.etag;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.evaluation;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.leaf;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.publish;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.ruleSet;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import gov.budgetperf.common.testing.Tokens;

/**
 * Issue 11 §4: numbers beyond what a column holds, JSON that does not parse or has the wrong types, and hostile path
 * values are 400/404 problem+json naming the field (and its JSON pointer), never a database overflow 500.
 */
@QuarkusTest
class HostileInputTest {

    static long id;

    @BeforeEach
    void evaluationToFill() {
        if (id != 0) {
            return;
        }
        String code = "HST-" + UUID.randomUUID().toString().substring(0, 8);
        publish(ruleSet(code, List.of(leaf("H11", "变动率", 50, "<=", Map.of("type", "RATIO_REVERSE")),
                leaf("H12", "人工评分", 50, null, Map.of("type", "MANUAL")))));
        id = evaluation("HST-" + UUID.randomUUID().toString().substring(0, 8), code);
    }

    private static ValidatableResponse putRaw(String code, String json) {
        return given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(json).when().put("/api/v1/evaluations/{id}/indicators/{code}", id, code).then()
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aValueBeyondItsColumnIs400NamingTheField() {
        putRaw("H11", "{\"target\": 1e300, \"actual\": 5}").statusCode(400).body("violations[0].field", equalTo("target"))
                .body("violations[0].message", containsString("12 integer digits"));
        putRaw("H11", "{\"target\": 5, \"actual\": -1e300}").statusCode(400).body("violations[0].field", equalTo("actual"));
        putRaw("H12", "{\"proposedScore\": 1e300, \"justification\": \"x\"}").statusCode(400)
                .body("violations[0].field", equalTo("proposedScore"));
    }

    @Test
    void negativeTargetsAndActualsStayAllowed() {
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(Map.of("target", 0, "actual", -12.3)).when()
                .put("/api/v1/evaluations/{id}/indicators/{code}", id, "H11").then().statusCode(200);
    }

    @Test
    void malformedJsonNamesTheFieldAndTheReason() {
        putRaw("H11", "{\"target\": \"many\"}").statusCode(400).body("violations[0].field", equalTo("target"))
                .body("violations[0].pointer", equalTo("/target"))
                .body("violations[0].message", containsString("expected a number"));
        putRaw("H11", "{\"target\": 1, \"actual\": ").statusCode(400).body("violations[0].field", equalTo("body"))
                .body("violations[0].message", containsString("not valid JSON"))
                .body("detail", not(containsString("HTTP 400")));
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body("{\"rates\": {\"EXECUTION_RATE\": [1]}}").when()
                .put("/api/v1/evaluations/{id}/declared-rates", id).then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("rates.EXECUTION_RATE"))
                .body("violations[0].pointer", equalTo("/rates/EXECUTION_RATE"));
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body("{\"subjectType\": \"DEPARTMENT\", \"departmentCode\": \"X\", \"fiscalYear\": 1e300, \"ruleSetCode\": \"X\"}")
                .when().post("/api/v1/evaluations").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("fiscalYear"));
    }

    @Test
    void nulInAStringIs400NamingTheField() {
        putRaw("H12", "{\"proposedScore\": 1, \"justification\": \"a\\u0000b\"}").statusCode(400)
                .body("violations[0].field", equalTo("justification"))
                .body("violations[0].message", containsString("NUL"));
    }

    @Test
    void hostilePathValuesAre4xxProblems() {
        for (String hostile : List.of("a%20b", "%3Cx%3E", "'", "%00", "%F0%9F%98%80", "..%2F..%2Fx")) {
            given().auth().oauth2(Tokens.finance()).urlEncodingEnabled(false).when()
                    .get("/api/v1/evaluations/" + id + "/indicators/" + hostile + "/likelihood").then()
                    .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404), equalTo(405)))
                    .contentType(startsWith("application/problem+json"));
            given().auth().oauth2(Tokens.finance()).urlEncodingEnabled(false).when()
                    .get("/api/v1/rule-sets/" + hostile + "/versions/1").then()
                    .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)))
                    .contentType(startsWith("application/problem+json"));
        }
    }

    @Test
    void aWorkflowStepReadsJsonOrNoBodyAndRefusesOtherContentTypesWith415() throws Exception {
        // H11 and H12 are unscored, so a submission that reads its body is refused with 422 listing the findings
        for (String step : List.of("submit", "return", "approve", "publish")) {
            given().auth().oauth2(Tokens.finance()).contentType("text/plain").header("If-Match", etag(id))
                    .body("请补充").when().post("/api/v1/evaluations/{id}/" + step, id).then().statusCode(415)
                    .contentType(startsWith("application/problem+json")).body("status", equalTo(415));
        }
        given().auth().oauth2(Tokens.finance()).contentType("application/xml").header("If-Match", etag(id))
                .body("<comment/>").when().post("/api/v1/evaluations/{id}/submit", id).then().statusCode(415)
                .contentType(startsWith("application/problem+json"));
        // without a body, whatever Content-Type is named (REST Assured names a form type), or none (as curl sends)
        given().auth().oauth2(Tokens.finance()).header("If-Match", etag(id)).when()
                .post("/api/v1/evaluations/{id}/submit", id).then().statusCode(422)
                .contentType(startsWith("application/problem+json"));
        HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/evaluations/" + id + "/submit"))
                .header("Authorization", "Bearer " + Tokens.finance()).header("If-Match", etag(id))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bare.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(bare.statusCode()).as(bare.body()).isEqualTo(422);
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(Map.of("comment", "提交")).when().post("/api/v1/evaluations/{id}/submit", id).then().statusCode(422)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag(id)).when()
                .post("/api/v1/evaluations/{id}/submit", id).then().statusCode(422);
        // no body on a step that does not check findings: approving a draft is a 409, not a 415
        given().auth().oauth2(Tokens.finance()).header("If-Match", etag(id)).when()
                .post("/api/v1/evaluations/{id}/approve", id).then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aForgedOrUnsignedTokenIs401ProblemJson() {
        String[] parts = Tokens.finance().split("\\.");
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        for (String token : List.of(none, parts[0] + "." + parts[1] + ".AAAA")) {
            given().header("Authorization", "Bearer " + token).when().get("/api/v1/evaluations/{id}", id).then()
                    .statusCode(401).contentType(startsWith("application/problem+json"))
                    .header("WWW-Authenticate", startsWith("Bearer"));
        }
    }
}
