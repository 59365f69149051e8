package gov.budgetperf.evaluation.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

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
 * Role × department × endpoint for evaluation-service: every write of an evaluation of department {@code target},
 * and every change that is finance's alone (rule sets, grade bands, the workflow), asked by every caller that may not
 * make it, answers 403 (401 without a token) as problem+json and changes nothing; reads of {@code target}'s
 * evaluations are refused to department-bound callers. All decided before any peer call. The endpoint list is checked
 * against the resources' annotations.
 */
@QuarkusTest
class AccessMatrixTest {

    static String target;
    static String own;
    static String ruleSet;
    static long evaluation;

    @BeforeEach
    void data() {
        if (target != null) {
            return;
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        target = "MX-T-" + suffix;
        own = "MX-A-" + suffix;
        ruleSet = "MX-RS-" + suffix;
        evaluation = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "PROJECT", "departmentCode", target, "fiscalYear", 2022, "projectCode",
                        "P-1", "ruleSetCode", "MOF-PROJECT-SELF"))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag())
                .body(Map.of("parentCode", "B4", "code", "B4-01", "name", "单位数", "weight", 10, "rule",
                        Map.of("type", "RATIO_POSITIVE")))
                .when().post("/api/v1/evaluations/{id}/indicators", evaluation).then().statusCode(201);
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).body(ruleSetInput(ruleSet)).when()
                .post("/api/v1/rule-sets").then().statusCode(201);
        // the department's own evaluation, for the lists
        given().auth().oauth2(Tokens.department(own)).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", own, "fiscalYear", 2022, "ruleSetCode",
                        "GZ-DEPT-COMMON"))
                .when().post("/api/v1/evaluations").then().statusCode(201);
    }

    record Call(String operation, boolean financeOnly, Function<RequestSpecification, Response> send) {
    }

    List<Call> writes() {
        String e = "/api/v1/evaluations/{id}";
        String tag = etag();
        String ruleSetTag = given().auth().oauth2(Tokens.finance()).get("/api/v1/rule-sets/{c}/versions/1", ruleSet)
                .header("ETag");
        Function<Map<String, Object>, Function<RequestSpecification, RequestSpecification>> body = m -> r -> r
                .contentType(ContentType.JSON).header("If-Match", tag).body(m);
        Map<String, Object> comment = Map.of("comment", "矩阵");
        return List.of(
                new Call("POST /api/v1/evaluations", false, r -> body.apply(Map.of("subjectType", "DEPARTMENT",
                        "departmentCode", target, "fiscalYear", 2023, "ruleSetCode", "GZ-DEPT-COMMON")).apply(r)
                        .post("/api/v1/evaluations")),
                new Call("PUT /api/v1/evaluations/{id}/indicators/{code}", false, r -> body
                        .apply(Map.of("target", 100, "actual", 90)).apply(r).put(e + "/indicators/B4-01", evaluation)),
                new Call("PUT /api/v1/evaluations/{id}/declared-rates", false, r -> body
                        .apply(Map.of("rates", Map.of("EXECUTION_RATE", 90))).apply(r).put(e + "/declared-rates",
                                evaluation)),
                new Call("PUT /api/v1/evaluations/{id}/execution-explanations", false,
                        r -> body.apply(Map.of("subject", Map.of("reason", "原因", "measure", "措施"))).apply(r)
                                .put(e + "/execution-explanations", evaluation)),
                new Call("PUT /api/v1/evaluations/{id}/indicators/{code}/likelihood", false,
                        r -> body.apply(Map.of("likelihood", "CERTAIN")).apply(r)
                                .put(e + "/indicators/B4-01/likelihood", evaluation)),
                new Call("POST /api/v1/evaluations/{id}/indicators", false,
                        r -> body.apply(Map.of("parentCode", "B4", "code", "B4-02", "name", "x", "weight", 5, "rule",
                                Map.of("type", "RATIO_POSITIVE"))).apply(r).post(e + "/indicators", evaluation)),
                new Call("DELETE /api/v1/evaluations/{id}/indicators/{code}", false,
                        r -> r.header("If-Match", tag).delete(e + "/indicators/B4-01", evaluation)),
                new Call("POST /api/v1/evaluations/{id}/submit", false,
                        r -> body.apply(comment).apply(r).post(e + "/submit", evaluation)),
                new Call("POST /api/v1/evaluations/{id}/return", true,
                        r -> body.apply(comment).apply(r).post(e + "/return", evaluation)),
                new Call("POST /api/v1/evaluations/{id}/approve", true,
                        r -> body.apply(comment).apply(r).post(e + "/approve", evaluation)),
                new Call("POST /api/v1/evaluations/{id}/publish", true,
                        r -> body.apply(comment).apply(r).post(e + "/publish", evaluation)),
                new Call("POST /api/v1/rule-sets", true,
                        r -> body.apply(ruleSetInput(ruleSet + "-NEW")).apply(r).post("/api/v1/rule-sets")),
                new Call("PUT /api/v1/rule-sets/{code}/versions/{version}", true,
                        r -> r.contentType(ContentType.JSON).header("If-Match", ruleSetTag).body(ruleSetInput(ruleSet))
                                .put("/api/v1/rule-sets/{c}/versions/1", ruleSet)),
                new Call("POST /api/v1/rule-sets/{code}/versions/{version}/publish", true,
                        r -> r.header("If-Match", ruleSetTag).post("/api/v1/rule-sets/{c}/versions/1/publish", ruleSet)),
                new Call("POST /api/v1/rule-sets/{code}/versions/{version}/rescore", true,
                        r -> r.post("/api/v1/rule-sets/{c}/versions/1/rescore", "MOF-PROJECT-SELF")),
                new Call("POST /api/v1/grade-band-sets", true,
                        r -> r.contentType(ContentType.JSON).body(Map.of("code", ruleSet + "-BANDS", "name", "x", "bands",
                                List.of(Map.of("grade", "优", "min", 0)))).post("/api/v1/grade-band-sets")));
    }

    List<Call> reads() {
        String e = "/api/v1/evaluations/{id}";
        return List.of(new Call("GET /api/v1/evaluations/{id}", false, r -> r.get(e, evaluation)),
                new Call("GET /api/v1/evaluations/{id}/findings", false, r -> r.get(e + "/findings", evaluation)),
                new Call("GET /api/v1/evaluations/{id}/steps", false, r -> r.get(e + "/steps", evaluation)),
                new Call("GET /api/v1/evaluations/{id}/audit", false, r -> r.get(e + "/audit", evaluation)));
    }

    @Test
    void theMatrixCoversEveryEndpoint() {
        Set<String> covered = new TreeSet<>();
        writes().forEach(c -> covered.add(c.operation()));
        reads().forEach(c -> covered.add(c.operation()));
        // checked by listsAndReferenceData
        covered.addAll(List.of("GET /api/v1/evaluations", "GET /api/v1/monitoring", "GET /api/v1/rule-sets",
                "GET /api/v1/rule-sets/{code}/versions/{version}", "GET /api/v1/grade-band-sets"));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(AccessMatrix.operations("gov.budgetperf.evaluation")
                .stream().map(AccessMatrix.Operation::key).distinct().toList());
    }

    @Test
    void everyEndpointHasARoleAnnotationAndNoWriteAdmitsAReadOnlyRole() {
        AccessMatrix.assertRoleAnnotations("gov.budgetperf.evaluation");
    }

    @Test
    void noCallerButFinanceOrTheDepartmentItselfChangesIt() {
        Map<String, String> before = state();
        SoftAssertions soft = new SoftAssertions();
        for (Call call : writes()) {
            for (Caller caller : AccessMatrix.mayNotWriteAnother(own)) {
                expect(soft, call, caller, 403);
            }
            expect(soft, call, AccessMatrix.NO_TOKEN, 401);
            if (call.financeOnly()) {
                // not even the department's own token, alone or with other roles, nor with finance
                for (Caller caller : AccessMatrix.mayNotWriteAnother(target)) {
                    expect(soft, call, caller, 403);
                }
            }
        }
        soft.assertAll();
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void noDepartmentBoundCallerReadsAnotherDepartmentsEvaluation() {
        SoftAssertions soft = new SoftAssertions();
        for (Call call : reads()) {
            for (Caller caller : AccessMatrix.mayNotReadAnother(own)) {
                expect(soft, call, caller, 403);
            }
            expect(soft, call, AccessMatrix.NO_TOKEN, 401);
            soft.assertThat(call.send().apply(given().auth().oauth2(Tokens.auditor())).statusCode())
                    .as("%s by auditor", call.operation()).isEqualTo(200);
        }
        soft.assertAll();
    }

    @Test
    void listsAndReferenceDataNeedADepartmentClaim() {
        SoftAssertions soft = new SoftAssertions();
        for (Caller caller : AccessMatrix.mayNotReadAnother(own)) {
            Response list = as(caller).get("/api/v1/evaluations?size=100");
            Response targeted = as(caller).get("/api/v1/evaluations?departmentCode={d}", target);
            List<Response> reference = List.of(as(caller).get("/api/v1/rule-sets"),
                    as(caller).get("/api/v1/rule-sets/{c}/versions/1", "MOF-PROJECT-SELF"),
                    as(caller).get("/api/v1/grade-band-sets"));
            if (caller.name().contains(own)) {
                soft.assertThat(list.jsonPath().getList("items.departmentCode", String.class)).as("%s", caller)
                        .isNotEmpty().containsOnly(own);
                soft.assertThat(targeted.jsonPath().getList("items")).as("%s", caller).isEmpty();
                reference.forEach(r -> soft.assertThat(r.statusCode()).as("%s reads reference data", caller)
                        .isEqualTo(200));
            } else {
                soft.assertThat(list.statusCode()).as("%s lists", caller).isEqualTo(403);
                soft.assertThat(targeted.statusCode()).as("%s lists", caller).isEqualTo(403);
                reference.forEach(r -> soft.assertThat(r.statusCode()).as("%s reads reference data", caller)
                        .isEqualTo(403));
                // refused before budget-service is asked
                soft.assertThat(as(caller).get("/api/v1/monitoring?fiscalYear=2022").statusCode()).as("%s", caller)
                        .isEqualTo(403);
            }
        }
        soft.assertAll();
    }

    private void expect(SoftAssertions soft, Call call, Caller caller, int status) {
        Response r = call.send().apply(as(caller));
        soft.assertThat(r.statusCode()).as("%s by %s: %s", call.operation(), caller, r.body().asString())
                .isEqualTo(status);
        soft.assertThat(r.contentType()).as("%s by %s", call.operation(), caller).startsWith("application/problem+json");
    }

    /** What the matrix must not change, read by finance. */
    private Map<String, String> state() {
        Map<String, String> s = new LinkedHashMap<>();
        RequestSpecification f = given().auth().oauth2(Tokens.finance());
        s.put("evaluation", f.get("/api/v1/evaluations/{id}", evaluation).asString());
        s.put("steps", given().auth().oauth2(Tokens.finance()).get("/api/v1/evaluations/{id}/steps", evaluation)
                .asString());
        s.put("evaluations of target", given().auth().oauth2(Tokens.finance())
                .get("/api/v1/evaluations?departmentCode={d}", target).asString());
        s.put("rule set", given().auth().oauth2(Tokens.finance()).get("/api/v1/rule-sets/{c}/versions/1", ruleSet)
                .asString());
        s.put("new rule set", given().auth().oauth2(Tokens.finance()).get("/api/v1/rule-sets?code={c}", ruleSet + "-NEW")
                .asString());
        s.put("bands", given().auth().oauth2(Tokens.finance()).get("/api/v1/grade-band-sets").asString());
        return s;
    }

    private static String etag() {
        return given().auth().oauth2(Tokens.finance()).get("/api/v1/evaluations/{id}", evaluation).header("ETag");
    }

    private static RequestSpecification as(Caller caller) {
        RequestSpecification r = given();
        return caller.token() == null ? r : r.auth().oauth2(caller.token());
    }

    private static Map<String, Object> ruleSetInput(String code) {
        return Map.of("code", code, "name", "矩阵指标体系", "subjectType", "PROJECT", "effectiveFrom", "2024-01-01", "tree",
                Map.of("nodes", List.of(Map.of("code", code + "-A", "name", "产出指标", "weight", 100, "children",
                        List.of(Map.of("code", code + "-A1", "name", "数量", "weight", 100, "rule",
                                Map.of("type", "RATIO_POSITIVE")))))));
    }
}
