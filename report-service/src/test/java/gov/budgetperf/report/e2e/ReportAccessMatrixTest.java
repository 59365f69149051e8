package gov.budgetperf.report.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import gov.budgetperf.common.testing.AccessMatrix;
import gov.budgetperf.common.testing.AccessMatrix.Caller;
import gov.budgetperf.common.testing.Tokens;

/**
 * Role × department × endpoint for report-service: generating or regenerating another department's document, a
 * region's document or a batch, and writing another department's narratives, asked by every caller that may not do
 * it, answers 403 — or 404 where a department must not learn that the document exists — as problem+json and changes
 * nothing; reads are refused the same way. The peers are needed only to make the documents the matrix asks for.
 */
@QuarkusTest
public class ReportAccessMatrixTest {

    /** Every operation of report-service; EndpointRolesTest checks it against the resources' annotations. */
    public static final List<String> OPERATIONS = List.of("POST /api/v1/reports", "GET /api/v1/reports",
            "GET /api/v1/reports/{id}", "GET /api/v1/reports/{id}/content",
            "GET /api/v1/reports/{id}/datapackage.json", "POST /api/v1/reports/{id}/regenerate",
            "POST /api/v1/report-batches", "GET /api/v1/report-batches/{id}",
            "GET /api/v1/narratives/{departmentCode}/{fiscalYear}/sections",
            "GET /api/v1/narratives/{departmentCode}/{fiscalYear}/sections/{section}",
            "PUT /api/v1/narratives/{departmentCode}/{fiscalYear}/sections/{section}",
            "GET /api/v1/narratives/{departmentCode}/{fiscalYear}/sections/{section}/revisions",
            "GET /api/v1/narratives/{departmentCode}/{fiscalYear}/tasks",
            "PUT /api/v1/narratives/{departmentCode}/{fiscalYear}/tasks");

    static String region;
    static String target;
    static String own;
    static long targetDocument;
    static long regionDocument;
    static long openDataDocument;
    static long batch;
    static String sectionTag;

    @BeforeEach
    void data() {
        if (region != null) {
            return;
        }
        region = "矩阵区" + UUID.randomUUID().toString().substring(0, 6);
        target = Fixtures.newDepartment(region);
        own = Fixtures.newDepartment(region);
        Fixtures.budget(target, "1000.00");
        Fixtures.budget(own, "1000.00");
        targetDocument = Fixtures.departmentReport("DEPARTMENT_FORM", "HTML", target, false);
        regionDocument = Fixtures.report(Map.of("type", "REGION_SUMMARY", "format", "HTML", "region", region,
                "fiscalYear", 2022)).statusCode(201).extract().jsonPath().getLong("id");
        openDataDocument = Fixtures.report(Map.of("type", "OPEN_DATA", "format", "CSV", "region", region,
                "fiscalYear", 2022)).statusCode(201).extract().jsonPath().getLong("id");
        sectionTag = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("content", "目标部门的文字")).when()
                .put("/api/v1/narratives/{d}/2022/sections/ACHIEVEMENTS", target).then().statusCode(200).extract()
                .header("ETag");
        // a batch over a region without departments: done at once, changes no document
        String location = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("region", "空" + region, "fiscalYear", 2022, "type", "DEPARTMENT_FORM", "format", "XLSX"))
                .when().post("/api/v1/report-batches").then().statusCode(202).extract().header("Location");
        batch = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(given().auth().oauth2(Tokens.finance())
                .get("/api/v1/report-batches/{id}", batch).jsonPath().getString("status")));
    }

    /** A request and the status a refused caller gets (403, or 404 for a department asking for a document). */
    record Call(String operation, boolean financeOnly, ToIntFunction<Caller> refusal,
            Function<RequestSpecification, Response> send) {
    }

    /** A department-bound caller with a claim (own's) learns nothing of others' documents: 404; anyone else 403. */
    static int hidden(Caller c) {
        return c.name().startsWith("department") && c.name().endsWith(own) ? 404 : 403;
    }

    static int forbidden(Caller c) {
        return 403;
    }

    List<Call> writes() {
        String n = "/api/v1/narratives/{d}/2022";
        return List.of(
                new Call("POST /api/v1/reports", false, ReportAccessMatrixTest::forbidden,
                        r -> r.contentType(ContentType.JSON).body(Map.of("type", "DEPARTMENT_FORM", "format", "HTML",
                                "departmentCode", target, "fiscalYear", 2022)).post("/api/v1/reports")),
                new Call("POST /api/v1/reports", true, ReportAccessMatrixTest::forbidden,
                        r -> r.contentType(ContentType.JSON).body(Map.of("type", "REGION_SUMMARY", "format", "HTML",
                                "region", region, "fiscalYear", 2022)).post("/api/v1/reports")),
                new Call("POST /api/v1/reports", false, ReportAccessMatrixTest::forbidden,
                        r -> r.contentType(ContentType.JSON).body(Map.of("type", "OPEN_DATA", "format", "CSV",
                                "region", region, "departmentCode", target, "fiscalYear", 2022))
                                .post("/api/v1/reports")),
                new Call("POST /api/v1/reports", true, ReportAccessMatrixTest::forbidden,
                        r -> r.contentType(ContentType.JSON).body(Map.of("type", "OPEN_DATA", "format", "CSV",
                                "region", region, "fiscalYear", 2022)).post("/api/v1/reports")),
                new Call("POST /api/v1/reports/{id}/regenerate", false, ReportAccessMatrixTest::hidden,
                        r -> r.post("/api/v1/reports/{id}/regenerate", targetDocument)),
                new Call("POST /api/v1/reports/{id}/regenerate", false, ReportAccessMatrixTest::hidden,
                        r -> r.post("/api/v1/reports/{id}/regenerate", regionDocument)),
                new Call("POST /api/v1/report-batches", true, ReportAccessMatrixTest::forbidden,
                        r -> r.contentType(ContentType.JSON).body(Map.of("region", region, "fiscalYear", 2022, "type",
                                "DEPARTMENT_FORM", "format", "XLSX")).post("/api/v1/report-batches")),
                new Call("PUT /api/v1/narratives/{departmentCode}/{fiscalYear}/sections/{section}", false,
                        ReportAccessMatrixTest::forbidden,
                        r -> r.contentType(ContentType.JSON).header("If-Match", sectionTag)
                                .body(Map.of("content", "改写")).put(n + "/sections/ACHIEVEMENTS", target)),
                new Call("PUT /api/v1/narratives/{departmentCode}/{fiscalYear}/tasks", false,
                        ReportAccessMatrixTest::forbidden,
                        r -> r.contentType(ContentType.JSON).body(Map.of("tasks", List.of(Map.of("name", "任务"))))
                                .put(n + "/tasks", target)));
    }

    List<Call> reads() {
        String n = "/api/v1/narratives/{d}/2022";
        return List.of(
                new Call("GET /api/v1/reports/{id}", false, ReportAccessMatrixTest::hidden,
                        r -> r.get("/api/v1/reports/{id}", targetDocument)),
                new Call("GET /api/v1/reports/{id}/content", false, ReportAccessMatrixTest::hidden,
                        r -> r.get("/api/v1/reports/{id}/content", targetDocument)),
                new Call("GET /api/v1/reports/{id}", false, ReportAccessMatrixTest::hidden,
                        r -> r.get("/api/v1/reports/{id}", regionDocument)),
                new Call("GET /api/v1/reports/{id}/content", false, ReportAccessMatrixTest::hidden,
                        r -> r.get("/api/v1/reports/{id}/content", regionDocument)),
                new Call("GET /api/v1/reports/{id}/datapackage.json", false, ReportAccessMatrixTest::hidden,
                        r -> r.get("/api/v1/reports/{id}/datapackage.json", openDataDocument)),
                new Call("GET /api/v1/report-batches/{id}", true, ReportAccessMatrixTest::forbidden,
                        r -> r.get("/api/v1/report-batches/{id}", batch)),
                new Call("GET /api/v1/narratives/{departmentCode}/{fiscalYear}/sections", false,
                        ReportAccessMatrixTest::forbidden, r -> r.get(n + "/sections", target)),
                new Call("GET /api/v1/narratives/{departmentCode}/{fiscalYear}/sections/{section}", false,
                        ReportAccessMatrixTest::forbidden, r -> r.get(n + "/sections/ACHIEVEMENTS", target)),
                new Call("GET /api/v1/narratives/{departmentCode}/{fiscalYear}/sections/{section}/revisions", false,
                        ReportAccessMatrixTest::forbidden, r -> r.get(n + "/sections/ACHIEVEMENTS/revisions", target)),
                new Call("GET /api/v1/narratives/{departmentCode}/{fiscalYear}/tasks", false,
                        ReportAccessMatrixTest::forbidden, r -> r.get(n + "/tasks", target)));
    }

    @Test
    void noCallerButFinanceOrTheDepartmentItselfMakesOrChangesIt() {
        Map<String, String> before = state();
        SoftAssertions soft = new SoftAssertions();
        for (Call call : writes()) {
            for (Caller caller : AccessMatrix.mayNotWriteAnother(own)) {
                expect(soft, call, caller, call.refusal().applyAsInt(caller));
            }
            expect(soft, call, AccessMatrix.NO_TOKEN, 401);
            if (call.financeOnly()) {
                for (Caller caller : AccessMatrix.mayWriteOwn(target)) {
                    expect(soft, call, caller, 403);
                }
            }
        }
        soft.assertAll();
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void noDepartmentBoundCallerReadsAnotherDepartmentsDocumentsOrNarratives() {
        SoftAssertions soft = new SoftAssertions();
        for (Call call : reads()) {
            for (Caller caller : AccessMatrix.mayNotReadAnother(own)) {
                expect(soft, call, caller, call.refusal().applyAsInt(caller));
            }
            expect(soft, call, AccessMatrix.NO_TOKEN, 401);
            soft.assertThat(call.send().apply(given().auth().oauth2(Tokens.auditor())).statusCode())
                    .as("%s by auditor", call.operation()).isEqualTo(200);
        }
        for (Caller caller : AccessMatrix.mayNotReadAnother(own)) {
            Response list = as(caller).get("/api/v1/reports?size=200");
            if (caller.name().endsWith(own)) {
                soft.assertThat(list.jsonPath().getList("items.departmentCode", String.class)).as("%s", caller)
                        .doesNotContain(target, "");
            } else {
                // a department token without a claim lists nothing, not the region documents (empty code)
                soft.assertThat(list.statusCode()).as("%s lists", caller).isEqualTo(403);
            }
        }
        soft.assertAll();
    }

    @Test
    void theAuditorReadsButMakesNothing() {
        given().auth().oauth2(Tokens.auditor()).contentType(ContentType.JSON)
                .body(Map.of("type", "DEPARTMENT_FORM", "format", "HTML", "departmentCode", target, "fiscalYear", 2022))
                .when().post("/api/v1/reports").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/reports/{id}/content", regionDocument).then()
                .statusCode(200);
    }

    private void expect(SoftAssertions soft, Call call, Caller caller, int status) {
        Response r = call.send().apply(as(caller));
        soft.assertThat(r.statusCode()).as("%s by %s: %s", call.operation(), caller, r.body().asString())
                .isEqualTo(status);
        soft.assertThat(r.contentType()).as("%s by %s", call.operation(), caller).startsWith("application/problem+json");
    }

    /** What the matrix must not change, read by finance (not the stale marks, which events may set meanwhile). */
    private Map<String, String> state() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("documents of target", String.valueOf(finance().get("/api/v1/reports?departmentCode={d}&size=200", target)
                .jsonPath().getList("items.id")));
        for (long id : List.of(targetDocument, regionDocument)) {
            var d = finance().get("/api/v1/reports/{id}", id).jsonPath();
            s.put("document " + id, d.getString("generation") + " " + d.getString("sha256"));
        }
        s.put("total", finance().get("/api/v1/reports?size=1").jsonPath().getString("total"));
        s.put("section", finance().get("/api/v1/narratives/{d}/2022/sections/ACHIEVEMENTS", target).asString());
        s.put("tasks", finance().get("/api/v1/narratives/{d}/2022/tasks", target).asString());
        return s;
    }

    private static RequestSpecification finance() {
        return given().auth().oauth2(Tokens.finance());
    }

    private static RequestSpecification as(Caller caller) {
        RequestSpecification r = given();
        return caller.token() == null ? r : r.auth().oauth2(caller.token());
    }
}
