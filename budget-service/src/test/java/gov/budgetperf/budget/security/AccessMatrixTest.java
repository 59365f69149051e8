package gov.budgetperf.budget.security;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.AccessMatrix;
import gov.budgetperf.common.testing.AccessMatrix.Caller;
import gov.budgetperf.common.testing.Tokens;

/**
 * Role × department × endpoint: every write of budget-service, asked for department {@code target} by every caller
 * that may not change it (another department's token alone or with auditor/service/finance, department tokens without
 * a claim or with an empty one, auditor, service, no token), answers 403 (401 without a token) as problem+json and
 * changes nothing; every read of {@code target} is refused to department-bound callers the same way. The list of
 * endpoints is checked against the resources' annotations, so a new endpoint must join the matrix.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    String region;
    String target;
    String own;
    String project;
    String newDepartment;
    long entry;
    long importId;
    String importedBefore;
    String departmentTag;
    String budgetTag;
    String projectTag;

    /** Once per class, at the first test (RestAssured knows the test port only then). */
    @BeforeEach
    void data() {
        if (region != null) {
            return;
        }
        region = "矩阵区" + UUID.randomUUID().toString().substring(0, 6);
        target = Fixtures.uniqueCode("MX-T");
        own = Fixtures.uniqueCode("MX-A");
        newDepartment = Fixtures.uniqueCode("MX-NEW");
        project = "MXP-" + UUID.randomUUID().toString().substring(0, 6);
        Fixtures.department(target, "目标部门", region);
        Fixtures.department(own, "本部门", region);
        Fixtures.budget(target, 2023, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "1000.00")));
        Fixtures.budget(own, 2023, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "1000.00")));
        entry = Fixtures.expenditure(target, 2023, "2023-02-01", "10.00", "PERSONNEL", null).extract().jsonPath()
                .getLong("id");
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("code", project, "name", "矩阵项目", "level", 1, "initialBudget", "100.00"))
                .when().post("/api/v1/departments/{c}/budgets/2023/projects", target).then().statusCode(201);
        importedBefore = "department_code,fiscal_year,date,amount,expenditure_type\n" + target
                + ",2023,2023-01-10,3.00,PERSONNEL\n";
        importId = given().auth().oauth2(Tokens.finance()).contentType("text/csv").body(importedBefore).when()
                .post("/api/v1/imports/expenditures").then().statusCode(201).extract().jsonPath().getLong("batchId");
        departmentTag = asFinance().get("/api/v1/departments/{c}", target).header("ETag");
        budgetTag = asFinance().get("/api/v1/departments/{c}/budgets/2023", target).header("ETag");
        projectTag = asFinance().get("/api/v1/departments/{c}/budgets/2023/projects/{p}", target, project)
                .header("ETag");
    }

    /** A request of the matrix: the operation (as the resources declare it) and how to send it. */
    record Call(String operation, boolean financeOnly, java.util.function.Function<RequestSpecification, Response> send) {
    }

    List<Call> writes() {
        String ledgerFile = "department_code,fiscal_year,date,amount,expenditure_type\n" + own
                + ",2023,2023-02-01,5.00,PERSONNEL\n" + target + ",2023,2023-02-01,5.00,PERSONNEL\n";
        String budgetFile = "department_code,fiscal_year,expenditure_type,funding_source,amount\n" + own
                + ",2023,PERSONNEL,GENERAL_PUBLIC,7.00\n" + target + ",2023,PERSONNEL,GENERAL_PUBLIC,7.00\n";
        Map<String, Object> budget = Map.of("allocations", List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "2000.00")));
        Map<String, Object> change = Map.of("date", "2023-03-01", "kind", "ADDITION", "amount", "10.00",
                "expenditureType", "PERSONNEL", "reason", "矩阵");
        return List.of(
                new Call("POST /api/v1/departments", true, r -> json(r, Map.of("code", newDepartment, "name", "新",
                        "region", region)).post("/api/v1/departments")),
                new Call("PUT /api/v1/departments/{code}", false, r -> json(r, Map.of("code", target, "name", "改名",
                        "region", region)).header("If-Match", departmentTag).put("/api/v1/departments/{c}", target)),
                new Call("POST /api/v1/departments/{code}/budgets/{year}", false,
                        r -> json(r, budget).post("/api/v1/departments/{c}/budgets/2024", target)),
                new Call("PUT /api/v1/departments/{code}/budgets/{year}", false, r -> json(r, budget)
                        .header("If-Match", budgetTag).put("/api/v1/departments/{c}/budgets/2023", target)),
                new Call("POST /api/v1/departments/{code}/budgets/{year}/adjustments", false,
                        r -> json(r, change).post("/api/v1/departments/{c}/budgets/2023/adjustments", target)),
                new Call("POST /api/v1/departments/{code}/budgets/{year}/expenditures", false,
                        r -> json(r, Map.of("date", "2023-03-01", "amount", "1.00", "expenditureType", "PERSONNEL"))
                                .post("/api/v1/departments/{c}/budgets/2023/expenditures", target)),
                new Call("POST /api/v1/departments/{code}/budgets/{year}/expenditures/{id}/reversal", false,
                        r -> json(r, Map.of("date", "2023-03-02", "reason", "矩阵"))
                                .post("/api/v1/departments/{c}/budgets/2023/expenditures/{id}/reversal", target, entry)),
                new Call("POST /api/v1/departments/{code}/budgets/{year}/projects", false,
                        r -> json(r, Map.of("code", project + "-2", "name", "新项目", "level", 1, "initialBudget", "1.00"))
                                .post("/api/v1/departments/{c}/budgets/2023/projects", target)),
                new Call("PUT /api/v1/departments/{code}/budgets/{year}/projects/{projectCode}", false,
                        r -> json(r, Map.of("code", project, "name", "改名", "level", 1, "initialBudget", "100.00"))
                                .header("If-Match", projectTag)
                                .put("/api/v1/departments/{c}/budgets/2023/projects/{p}", target, project)),
                new Call("POST /api/v1/departments/{code}/budgets/{year}/projects/{projectCode}/changes", false,
                        r -> json(r, Map.of("date", "2023-03-01", "kind", "ADDITION", "amount", "1.00", "reason", "矩阵"))
                                .post("/api/v1/departments/{c}/budgets/2023/projects/{p}/changes", target, project)),
                new Call("POST /api/v1/imports/expenditures", false,
                        r -> r.contentType("text/csv").body(ledgerFile).post("/api/v1/imports/expenditures")),
                new Call("POST /api/v1/imports/expenditures", false,
                        r -> r.contentType("text/csv").body(importedBefore).post("/api/v1/imports/expenditures")),
                new Call("POST /api/v1/imports/budgets", false,
                        r -> r.contentType("text/csv").body(budgetFile).post("/api/v1/imports/budgets")));
    }

    List<Call> reads() {
        String base = "/api/v1/departments/{c}/budgets/2023";
        return List.of(new Call("GET /api/v1/departments/{code}", false, r -> r.get("/api/v1/departments/{c}", target)),
                new Call("GET /api/v1/departments/{code}/budgets", false,
                        r -> r.get("/api/v1/departments/{c}/budgets", target)),
                new Call("GET /api/v1/departments/{code}/budgets/{year}", false, r -> r.get(base, target)),
                new Call("GET /api/v1/departments/{code}/budgets/{year}/metrics", false,
                        r -> r.get(base + "/metrics", target)),
                new Call("GET /api/v1/departments/{code}/budgets/{year}/adjustments", false,
                        r -> r.get(base + "/adjustments", target)),
                new Call("GET /api/v1/departments/{code}/budgets/{year}/expenditures", false,
                        r -> r.get(base + "/expenditures", target)),
                new Call("GET /api/v1/departments/{code}/budgets/{year}/expenditures/{id}", false,
                        r -> r.get(base + "/expenditures/{id}", target, entry)),
                new Call("GET /api/v1/departments/{code}/budgets/{year}/projects", false,
                        r -> r.get(base + "/projects", target)),
                new Call("GET /api/v1/departments/{code}/budgets/{year}/projects/{projectCode}", false,
                        r -> r.get(base + "/projects/{p}", target, project)),
                new Call("GET /api/v1/departments/{code}/budgets/{year}/projects/{projectCode}/changes", false,
                        r -> r.get(base + "/projects/{p}/changes", target, project)),
                new Call("GET /api/v1/departments/{code}/budgets/{year}/projects/{projectCode}/metrics", false,
                        r -> r.get(base + "/projects/{p}/metrics", target, project)),
                new Call("GET /api/v1/imports/{id}", true, r -> r.get("/api/v1/imports/{id}", importId)));
    }

    @Test
    void theMatrixCoversEveryEndpoint() {
        Set<String> covered = new java.util.TreeSet<>();
        writes().forEach(c -> covered.add(c.operation()));
        reads().forEach(c -> covered.add(c.operation()));
        // the two lists below are checked by listsShowADepartmentOnlyItself
        covered.add("GET /api/v1/departments");
        covered.add("GET /api/v1/execution");
        assertThat(covered).containsAll(AccessMatrix.writeOperations("gov.budgetperf.budget"));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(AccessMatrix.operations("gov.budgetperf.budget")
                .stream().map(AccessMatrix.Operation::key).distinct().toList());
    }

    @Test
    void everyEndpointHasARoleAnnotationAndNoWriteAdmitsAReadOnlyRole() {
        AccessMatrix.assertRoleAnnotations("gov.budgetperf.budget");
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
        }
        // finance-only changes: not even the department's own token, alone or with other roles
        for (Call call : writes().stream().filter(Call::financeOnly).toList()) {
            for (Caller caller : AccessMatrix.mayWriteOwn(target)) {
                expect(soft, call, caller, 403);
            }
        }
        soft.assertAll();
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void noDepartmentBoundCallerReadsAnotherDepartment() {
        SoftAssertions soft = new SoftAssertions();
        for (Call call : reads()) {
            for (Caller caller : AccessMatrix.mayNotReadAnother(own)) {
                expect(soft, call, caller, 403);
            }
            expect(soft, call, AccessMatrix.NO_TOKEN, 401);
            for (Caller reader : List.of(new Caller("auditor", Tokens.auditor()), new Caller("service",
                    Tokens.service()))) {
                if (!call.financeOnly() || reader.name().equals("auditor")) {
                    soft.assertThat(call.send().apply(as(reader)).statusCode()).as("%s by %s", call.operation(), reader)
                            .isEqualTo(200);
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void listsShowADepartmentOnlyItselfAndNothingWithoutAClaim() {
        SoftAssertions soft = new SoftAssertions();
        for (Caller caller : AccessMatrix.mayNotReadAnother(own)) {
            Response departments = as(caller).get("/api/v1/departments?region={r}", region);
            Response execution = as(caller).get("/api/v1/execution?fiscalYear=2023&region={r}", region);
            Response targeted = as(caller).get("/api/v1/execution?fiscalYear=2023&departmentCode={d}", target);
            if (caller.name().contains(own)) {
                soft.assertThat(departments.jsonPath().getList("items.code")).as("%s", caller).containsExactly(own);
                soft.assertThat(execution.jsonPath().getList("departmentCode", String.class)).as("%s", caller)
                        .isNotEmpty().containsOnly(own);
                soft.assertThat(targeted.jsonPath().getList("$")).as("%s", caller).isEmpty();
            } else {
                for (Response r : List.of(departments, execution, targeted)) {
                    soft.assertThat(r.statusCode()).as("%s lists", caller).isEqualTo(403);
                }
            }
        }
        soft.assertThat(given().get("/api/v1/execution?fiscalYear=2023").statusCode()).isEqualTo(401);
        soft.assertAll();
    }

    @Test
    void aDepartmentTokenWithOtherRolesStillChangesItsOwnDepartment() {
        for (Caller caller : AccessMatrix.mayWriteOwn(own)) {
            json(as(caller), Map.of("date", "2023-04-01", "amount", "1.00", "expenditureType", "PERSONNEL"))
                    .post("/api/v1/departments/{c}/budgets/2023/expenditures", own).then().statusCode(201);
        }
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
        String base = "/api/v1/departments/{c}/budgets";
        for (String dept : List.of(target, own)) {
            s.put(dept, asFinance().get("/api/v1/departments/{c}", dept).asString());
            s.put(dept + " budgets", asFinance().get(base, dept).asString());
            s.put(dept + " ledger", asFinance().get(base + "/2023/expenditures?size=100", dept).asString());
            s.put(dept + " adjustments", asFinance().get(base + "/2023/adjustments", dept).asString());
            s.put(dept + " projects", asFinance().get(base + "/2023/projects", dept).asString());
        }
        s.put("changes", asFinance().get(base + "/2023/projects/{p}/changes", target, project).asString());
        s.put("new department", String.valueOf(asFinance().get("/api/v1/departments/{c}", newDepartment).statusCode()));
        return s;
    }

    private static RequestSpecification json(RequestSpecification r, Map<String, Object> body) {
        return r.contentType(ContentType.JSON).body(body);
    }

    private static RequestSpecification as(Caller caller) {
        RequestSpecification r = given();
        return caller.token() == null ? r : r.auth().oauth2(caller.token());
    }

    private static RequestSpecification asFinance() {
        return given().auth().oauth2(Tokens.finance());
    }
}
