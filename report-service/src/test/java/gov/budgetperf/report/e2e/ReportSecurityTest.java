package gov.budgetperf.report.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.common.testing.Tokens;

/** Who may generate and read which documents; bad requests named by field; the API is documented. */
@QuarkusTest
class ReportSecurityTest {

    @Test
    void aDepartmentGeneratesAndReadsOnlyItsOwnDocuments() {
        String own = Fixtures.newDepartment("安全测试区");
        String other = Fixtures.newDepartment("安全测试区");
        Fixtures.budget(own, "10000.00");
        Fixtures.budget(other, "10000.00");

        long mine = given().auth().oauth2(Tokens.department(own)).contentType(ContentType.JSON)
                .body(Map.of("type", "DEPARTMENT_FORM", "format", "HTML", "departmentCode", own, "fiscalYear", 2022))
                .when().post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.department(own)).contentType(ContentType.JSON)
                .body(Map.of("type", "DEPARTMENT_FORM", "format", "HTML", "departmentCode", other, "fiscalYear", 2022))
                .when().post("/api/v1/reports").then().statusCode(403);
        long theirs = Fixtures.departmentReport("DEPARTMENT_FORM", "HTML", other, false);

        given().auth().oauth2(Tokens.department(own)).when().get("/api/v1/reports/{id}/content", mine).then()
                .statusCode(200);
        given().auth().oauth2(Tokens.department(own)).when().get("/api/v1/reports/{id}/content", theirs).then()
                .statusCode(404);
        List<String> listed = given().auth().oauth2(Tokens.department(own)).when().get("/api/v1/reports?size=200")
                .then().statusCode(200).extract().jsonPath().getList("items.departmentCode", String.class);
        assertThat(listed).isNotEmpty().containsOnly(own);
        // region documents are made by finance; auditors only read (issue 11: the auditor is read-only)
        given().auth().oauth2(Tokens.department(own)).contentType(ContentType.JSON)
                .body(Map.of("type", "REGION_SUMMARY", "format", "HTML", "region", "安全测试区", "fiscalYear", 2022))
                .when().post("/api/v1/reports").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).contentType(ContentType.JSON)
                .body(Map.of("type", "REGION_SUMMARY", "format", "HTML", "region", "安全测试区", "fiscalYear", 2022))
                .when().post("/api/v1/reports").then().statusCode(403);
        long region = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("type", "REGION_SUMMARY", "format", "HTML", "region", "安全测试区", "fiscalYear", 2022))
                .when().post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/reports/{id}/content", region).then()
                .statusCode(200);
        given().when().get("/api/v1/reports/{id}", mine).then().statusCode(401);
    }

    @Test
    void badRequestsNameTheFieldAndChangeNothing() {
        long before = given().auth().oauth2(Tokens.finance()).when().get("/api/v1/reports?size=1").then()
                .statusCode(200).extract().jsonPath().getLong("total");
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("type", "DEPARTMENT_FORM", "format", "DOCX", "departmentCode", "GZ-X", "fiscalYear", 2022))
                .when().post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("format"));
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("type", "PROJECT_FORM", "format", "XLSX", "departmentCode", "GZ-X", "fiscalYear", 2022))
                .when().post("/api/v1/reports").then().statusCode(400).body("violations.field", hasItem("projectCode"));
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("type", "DEPARTMENT_FORM", "format", "PDF", "fiscalYear", 1999)).when()
                .post("/api/v1/reports").then().statusCode(400)
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("fiscalYear")));
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("type", "NOT_A_TYPE", "format", "PDF", "fiscalYear", 2022)).when().post("/api/v1/reports")
                .then().statusCode(400).body("violations.field", hasItem(org.hamcrest.Matchers.containsString("type")));
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("type", "DEPARTMENT_FORM", "format", "PDF", "departmentCode", "NO-SUCH-DEPT", "fiscalYear",
                        2022))
                .when().post("/api/v1/reports").then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.containsString("budget-service"));
        long after = given().auth().oauth2(Tokens.finance()).when().get("/api/v1/reports?size=1").then()
                .statusCode(200).extract().jsonPath().getLong("total");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theOpenApiDocumentNamesEveryOperationAndItsProblems() {
        String body = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        String compact = body.replaceAll("\\s", "");
        for (String op : List.of("createReport", "listReports", "getReport", "downloadReport", "regenerateReport",
                "createReportBatch", "getReportBatch", "saveNarrative", "getNarrative", "saveTasks")) {
            assertThat(compact).contains("\"operationId\":\"" + op + "\"");
        }
        var doc = new io.restassured.path.json.JsonPath(body);
        assertThat(doc.getMap("paths.'/api/v1/reports'.post.responses")).containsKeys("201", "400", "401", "403",
                "503");
    }
}
