package gov.budgetperf.report.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import gov.budgetperf.common.testing.Tokens;

/** Data in the peers (through their APIs) and documents here, for the tests. */
public final class Fixtures {

    private static boolean demoLoaded;

    private Fixtures() {
    }

    /** The seeds' demo data (天河, 花都, 增城 2022 and the 增城 self-evaluation), loaded by the suite's own script. */
    public static synchronized void loadDemoData() throws IOException, InterruptedException {
        if (demoLoaded) {
            return;
        }
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("..", "scripts", "demo-data.sh").toString());
        pb.environment().put("BUDGET_URL", Peers.budget().url());
        pb.environment().put("EVALUATION_URL", Peers.evaluation().url());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        demoLoaded = true;
    }

    public static String newDepartment(String region) {
        String code = "RPT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().baseUri(Peers.budget().url()).auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "报告测试部门" + code.substring(4), "region", region)).when()
                .post("/api/v1/departments").then().statusCode(201);
        return code;
    }

    /** A 2022 budget of 1,000,000.00 yuan of public funds, and {@code spent} yuan spent on 2022-06-30. */
    public static void budget(String code, String spent) {
        given().baseUri(Peers.budget().url()).auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("allocations", List.of(Map.of("expenditureType", "PUBLIC_FUNDS", "fundingSource",
                        "GENERAL_PUBLIC", "amount", "1000000.00"))))
                .when().post("/api/v1/departments/{c}/budgets/2022", code).then().statusCode(201);
        spend(code, "2022-06-30", spent);
    }

    public static void spend(String code, String date, String amount) {
        given().baseUri(Peers.budget().url()).auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("date", date, "amount", amount, "expenditureType", "PUBLIC_FUNDS")).when()
                .post("/api/v1/departments/{c}/budgets/2022/expenditures", code).then().statusCode(201);
    }

    /** POSTs a report request here as finance. */
    public static ValidatableResponse report(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/reports").then();
    }

    public static long departmentReport(String type, String format, String code, boolean keepCurrent) {
        return report(Map.of("type", type, "format", format, "departmentCode", code, "fiscalYear", 2022, "keepCurrent",
                keepCurrent)).statusCode(201).extract().jsonPath().getLong("id");
    }

    public static byte[] content(long id) {
        return given().auth().oauth2(Tokens.finance()).when().get("/api/v1/reports/{id}/content", id).then()
                .statusCode(200).extract().asByteArray();
    }

    public static ValidatableResponse metadata(long id) {
        return given().auth().oauth2(Tokens.finance()).when().get("/api/v1/reports/{id}", id).then().statusCode(200);
    }
}
