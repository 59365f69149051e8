package gov.budgetperf.report.batch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import gov.budgetperf.common.testing.Tokens;
import gov.budgetperf.report.e2e.Fixtures;
import gov.budgetperf.report.e2e.Readers;

/** A batch for a region: progress counted, a failing document recorded with its error, the others made. */
@QuarkusTest
class BatchTest {

    @Test
    void aBatchMakesEveryFormAndRecordsTheOneThatFails() throws Exception {
        String region = "批量测试区" + UUID.randomUUID().toString().substring(0, 6);
        String a = Fixtures.newDepartment(region);
        String b = Fixtures.newDepartment(region);
        String noBudget = Fixtures.newDepartment(region);
        Fixtures.budget(a, "900000.00");
        Fixtures.budget(b, "450000.00");

        String location = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("region", region, "fiscalYear", 2022, "type", "DEPARTMENT_FORM", "format", "XLSX")).when()
                .post("/api/v1/report-batches").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(
                given().auth().oauth2(Tokens.finance()).when().get(location).then().statusCode(200).extract().jsonPath()
                        .getString("status"))
                .isEqualTo("DONE"));
        JsonPath job = given().auth().oauth2(Tokens.finance()).when().get(location).then().extract().jsonPath();
        assertThat(job.getInt("total")).isEqualTo(3);
        assertThat(job.getInt("done")).isEqualTo(2);
        assertThat(job.getInt("failed")).isEqualTo(1);
        assertThat(job.getString("errors[0].departmentCode")).isEqualTo(noBudget);
        assertThat(job.getString("errors[0].error")).contains("no budget");

        List<Integer> ids = given().auth().oauth2(Tokens.finance()).when()
                .get("/api/v1/reports?departmentCode={d}&type=DEPARTMENT_FORM", a).then().statusCode(200).extract()
                .jsonPath().getList("items.id", Integer.class);
        assertThat(ids).hasSize(1);
        assertThat(Readers.xlsxCells(Fixtures.content(ids.get(0)))).contains("90.00%");
    }

    @Test
    void onlyFinanceStartsBatchesAndBadRequestsNameTheField() {
        given().auth().oauth2(Tokens.department("X")).contentType(ContentType.JSON)
                .body(Map.of("region", "r", "fiscalYear", 2022, "type", "DEPARTMENT_FORM", "format", "XLSX")).when()
                .post("/api/v1/report-batches").then().statusCode(403);
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("region", "r", "fiscalYear", 2022, "type", "REGION_SUMMARY", "format", "PDF")).when()
                .post("/api/v1/report-batches").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("type"));
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("region", "r", "fiscalYear", 2022, "type", "DEPARTMENT_FORM", "format", "DOCX")).when()
                .post("/api/v1/report-batches").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("format"));
    }
}
