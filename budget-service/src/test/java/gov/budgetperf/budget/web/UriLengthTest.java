package gov.budgetperf.budget.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.common.testing.Tokens;

/** A URI too long is a 414 problem that says the limit, not the HTTP server's plain-text answer. */
@QuarkusTest
class UriLengthTest {

    @Test
    void aUriLongerThanTheLimitIsA414Problem() {
        given().auth().oauth2(Tokens.finance()).queryParam("region", "a".repeat(5000)).when()
                .get("/api/v1/departments").then().statusCode(414).contentType("application/problem+json")
                .body("status", equalTo(414)).body("detail", containsString("at most 4096"));
        // an unknown path just as long: the same answer, before any matching
        given().auth().oauth2(Tokens.finance()).when().get("/api/v1/" + "x".repeat(5000)).then().statusCode(414)
                .contentType("application/problem+json");
        // within the limit: answered as usual
        given().auth().oauth2(Tokens.finance()).queryParam("region", "a".repeat(3000)).when()
                .get("/api/v1/departments").then().statusCode(200);
    }
}
