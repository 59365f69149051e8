package gov.budgetperf.report.narrative;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import gov.budgetperf.common.testing.AtOnce;
import gov.budgetperf.common.testing.Tokens;
import gov.budgetperf.report.WithoutPeers;

/**
 * Concurrent saves of one narrative section: one wins, the others are told their version is stale (412) or that the
 * section was created meanwhile (409), never a duplicate-key 500. Narratives need no peer, so this runs without them.
 */
@QuarkusTest
@TestProfile(WithoutPeers.class)
class NarrativeRacesTest {

    private static String dept() {
        return "NAR-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void concurrentSavesOfOneSectionAreOneSavedAndTheRestStale() {
        String d = dept();
        String token = Tokens.department(d);
        String etag = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("content", "初稿")).when()
                .put("/api/v1/narratives/{d}/2022/sections/PROBLEMS", d).then().statusCode(200).extract()
                .header("ETag");

        List<Response> answers = AtOnce.run(6, i -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("If-Match", etag).body(Map.of("content", "并发稿" + i)).when()
                .put("/api/v1/narratives/{d}/2022/sections/PROBLEMS", d).andReturn());

        assertThat(answers).extracting(Response::statusCode).filteredOn(s -> s == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() != 200).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(412);
            assertThat(r.contentType()).startsWith("application/problem+json");
        });
        String winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().jsonPath()
                .getString("content");
        assertThat(given().auth().oauth2(token).when().get("/api/v1/narratives/{d}/2022/sections/PROBLEMS/revisions", d)
                .then().statusCode(200).extract().jsonPath().getList("content", String.class))
                .containsExactly("初稿", winner);
    }

    @Test
    void concurrentCreationsOfOneSectionAreOneCreatedAndTheRestConflicts() {
        String d = dept();
        String token = Tokens.department(d);

        List<Response> answers = AtOnce.run(6, i -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("content", "新稿" + i)).when().put("/api/v1/narratives/{d}/2022/sections/IMPROVEMENTS", d)
                .andReturn());

        assertThat(answers).extracting(Response::statusCode).filteredOn(s -> s == 200).hasSize(1);
        // a loser that collided with the creation is told so (409); one that came after it sent no If-Match (428)
        assertThat(answers).filteredOn(r -> r.statusCode() != 200).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.asString()).isIn(409, 428);
            assertThat(r.contentType()).startsWith("application/problem+json");
        });
        String winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().jsonPath()
                .getString("content");
        given().auth().oauth2(token).when().get("/api/v1/narratives/{d}/2022/sections/IMPROVEMENTS", d).then().statusCode(200)
                .body("content", org.hamcrest.Matchers.equalTo(winner));
    }
}
