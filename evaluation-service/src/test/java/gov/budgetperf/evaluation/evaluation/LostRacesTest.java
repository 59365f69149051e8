package gov.budgetperf.evaluation.evaluation;

import static gov.budgetperf.evaluation.evaluation.EvaluationApi.leaf;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.publish;
import static gov.budgetperf.evaluation.evaluation.EvaluationApi.ruleSet;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import gov.budgetperf.common.testing.AtOnce;
import gov.budgetperf.common.testing.Tokens;

/** Creations that race on one unique key: one is created, the others are told what already exists (409, never 500). */
@QuarkusTest
class LostRacesTest {

    private static final int N = 6;

    /**
     * One 201; every other answer a 409 problem in words: the service's own check when the winner had committed before
     * (words[1]), the unique key when the requests were inside at once (words[0]) — which one depends on timing.
     */
    private static void assertOneCreatedRestConflict(List<Response> answers, String... words) {
        assertThat(answers).extracting(Response::statusCode).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() != 201).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("detail")).containsAnyOf(words);
        });
    }

    @Test
    void concurrentEvaluationsOfOneSubjectAreOneCreatedAndConflicts() {
        String code = "RACE-" + UUID.randomUUID().toString().substring(0, 8);
        publish(ruleSet(code, List.of(leaf("R11", "人工评分", 100, null, Map.of("type", "MANUAL")))));
        String dept = "RACE-" + UUID.randomUUID().toString().substring(0, 8);

        List<Response> answers = AtOnce.run(N, i -> given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", dept, "fiscalYear", 2022, "ruleSetCode",
                        code))
                .when().post("/api/v1/evaluations").andReturn());

        assertOneCreatedRestConflict(answers, "already exists", "already has a SELF evaluation for 2022");
    }

    @Test
    void concurrentRuleSetsOfOneCodeAreOneCreatedAndConflicts() {
        String code = "RACE-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = ruleSet(code, List.of(leaf("R11", "人工评分", 100, null, Map.of("type", "MANUAL"))));

        List<Response> answers = AtOnce.run(N, i -> given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/rule-sets").andReturn());

        // each request that saw no version yet chose version 1: one stores it, the others collide with it
        assertThat(answers).extracting(Response::statusCode).filteredOn(s -> s == 201).isNotEmpty();
        assertThat(answers).filteredOn(r -> r.statusCode() != 201).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
            assertThat(r.jsonPath().getString("detail")).contains("a rule set with this code and version already exists");
        });
        List<Integer> versions = given().auth().oauth2(Tokens.finance()).queryParam("code", code).when()
                .get("/api/v1/rule-sets").then().statusCode(200).extract().jsonPath()
                .getList("items.version", Integer.class);
        assertThat(versions).doesNotHaveDuplicates()
                .hasSize((int) answers.stream().filter(r -> r.statusCode() == 201).count());
    }
}
