package gov.budgetperf.report.narrative;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.common.testing.Tokens;

/** Narrative sections: versioned, optimistic locking, a department writes only its own, bad input named. */
@QuarkusTest
class NarrativeTest {

    private static String dept() {
        return "NAR-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aDepartmentWritesItsSectionAndEveryVersionIsKept() {
        String d = dept();
        String token = Tokens.department(d);
        String etag = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("content", "第一稿"))
                .when().put("/api/v1/narratives/{d}/2022/sections/ACHIEVEMENTS", d).then().statusCode(200)
                .body("title", org.hamcrest.Matchers.equalTo("主要工作成效")).extract().header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("content", "第二稿")).when().put("/api/v1/narratives/{d}/2022/sections/ACHIEVEMENTS", d)
                .then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(1));
        // the first ETag is stale now
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("content", "第三稿")).when().put("/api/v1/narratives/{d}/2022/sections/ACHIEVEMENTS", d)
                .then().statusCode(412).contentType("application/problem+json");
        // changing without If-Match: 428
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("content", "第三稿")).when()
                .put("/api/v1/narratives/{d}/2022/sections/ACHIEVEMENTS", d).then().statusCode(428);
        List<String> versions = given().auth().oauth2(token).when()
                .get("/api/v1/narratives/{d}/2022/sections/ACHIEVEMENTS/revisions", d).then().statusCode(200).extract()
                .jsonPath().getList("content", String.class);
        assertThat(versions).containsExactly("第一稿", "第二稿");
        given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/narratives/{d}/2022/sections", d).then()
                .statusCode(200).body("section", hasItem("ACHIEVEMENTS"));
    }

    @Test
    void aDepartmentCannotReadOrWriteAnothersAndAuditorsOnlyRead() {
        String d = dept();
        given().auth().oauth2(Tokens.department("OTHER")).contentType(ContentType.JSON).body(Map.of("content", "x"))
                .when().put("/api/v1/narratives/{d}/2022/sections/PROBLEMS", d).then().statusCode(403);
        given().auth().oauth2(Tokens.department("OTHER")).when().get("/api/v1/narratives/{d}/2022/sections", d).then()
                .statusCode(403);
        given().auth().oauth2(Tokens.auditor()).contentType(ContentType.JSON).body(Map.of("content", "x")).when()
                .put("/api/v1/narratives/{d}/2022/sections/PROBLEMS", d).then().statusCode(403);
        given().when().get("/api/v1/narratives/{d}/2022/sections", d).then().statusCode(401);
    }

    @Test
    void badInputIsRejectedWithTheFieldNamed() {
        String d = dept();
        given().auth().oauth2(Tokens.department(d)).contentType(ContentType.JSON).body(Map.of()).when()
                .put("/api/v1/narratives/{d}/2022/sections/PROBLEMS", d).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem(containsString("content")));
        given().auth().oauth2(Tokens.department(d)).contentType(ContentType.JSON).body(Map.of("content", "x")).when()
                .put("/api/v1/narratives/{d}/2022/sections/PROJECT_BACKGROUND", d).then().statusCode(400)
                .body("violations.field", hasItem("section"));
        given().auth().oauth2(Tokens.department(d)).contentType(ContentType.JSON)
                .body(Map.of("tasks", List.of(Map.of("name", "", "funds", -1)))).when()
                .put("/api/v1/narratives/{d}/2022/tasks", d).then().statusCode(400)
                .body("violations.field", hasItem(containsString("name")))
                .body("violations.field", hasItem(containsString("funds")));
        // nothing was stored
        given().auth().oauth2(Tokens.department(d)).when().get("/api/v1/narratives/{d}/2022/tasks", d).then()
                .statusCode(200).body("tasks.size()", org.hamcrest.Matchers.equalTo(0));
    }
}
