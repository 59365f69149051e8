package gov.budgetperf.budget.database;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.AtOnce;
import gov.budgetperf.common.testing.Tokens;

/**
 * Check-then-insert paths that two requests pass together: the unique key decides, the loser is told what is
 * duplicated (409, never a 500); imports that touch the same budgets in opposite order both succeed (no deadlock).
 */
@QuarkusTest
class LostRacesTest {

    private static final int N = 8;

    private static void assertOneCreatedRestConflict(List<Response> answers, String words) {
        assertThat(answers).extracting(Response::statusCode).filteredOn(s -> s == 201).hasSize(1);
        for (Response r : answers) {
            if (r.statusCode() != 201) {
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.jsonPath().getString("detail")).contains(words);
            }
        }
    }

    @Test
    void concurrentDepartmentsWithOneCodeAreOneCreatedAndConflicts() {
        String code = Fixtures.uniqueCode("RACE");
        List<Response> answers = AtOnce.run(N, i -> given().auth().oauth2(Tokens.finance())
                .contentType(ContentType.JSON).body(Map.of("code", code, "name", "竞争" + i, "region", "测试区"))
                .when().post("/api/v1/departments").andReturn());

        assertOneCreatedRestConflict(answers, "already exists");
        given().auth().oauth2(Tokens.finance()).queryParam("size", 100).when().get("/api/v1/departments").then()
                .statusCode(200);
    }

    @Test
    void concurrentProjectsWithOneCodeAreOneCreatedAndConflicts() {
        String code = Fixtures.uniqueCode("RACEP");
        Fixtures.department(code, "项目竞争", "测试区");
        Fixtures.budget(code, 2024, List.of(alloc("PROJECT", "GENERAL_PUBLIC", "1000.00")));
        List<Response> answers = AtOnce.run(N, i -> given().auth().oauth2(Tokens.finance())
                .contentType(ContentType.JSON)
                .body(Map.of("code", "P-1", "name", "项目" + i, "level", 1, "initialBudget", "10.00")).when()
                .post("/api/v1/departments/{c}/budgets/2024/projects", code).andReturn());

        assertOneCreatedRestConflict(answers, "already exists");
        assertThat(given().auth().oauth2(Tokens.finance()).when()
                .get("/api/v1/departments/{c}/budgets/2024/projects", code).then().statusCode(200).extract()
                .jsonPath().getList("code")).containsExactly("P-1");
    }

    @Test
    void concurrentBudgetsForOneYearAreOneCreatedAndConflicts() {
        String code = Fixtures.uniqueCode("RACEB");
        Fixtures.department(code, "预算竞争", "测试区");
        List<Response> answers = AtOnce.run(N, i -> given().auth().oauth2(Tokens.finance())
                .contentType(ContentType.JSON)
                .body(Map.of("allocations", List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", (100 + i) + ".00")))).when()
                .post("/api/v1/departments/{c}/budgets/2024", code).andReturn());

        assertOneCreatedRestConflict(answers, "already");
    }

    @Test
    void importsTouchingTheSameBudgetsInOppositeOrderBothSucceed() {
        String a = Fixtures.uniqueCode("LOCKA");
        String b = Fixtures.uniqueCode("LOCKB");
        for (String code : List.of(a, b)) {
            Fixtures.department(code, "锁序", "测试区");
            Fixtures.budget(code, 2024, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "1.00")));
        }
        int pairs = 4;
        List<Response> answers = AtOnce.run(2 * pairs, i -> {
            List<String> order = i % 2 == 0 ? List.of(a, b) : List.of(b, a);
            StringBuilder csv = new StringBuilder("department_code,fiscal_year,expenditure_type,funding_source,amount\n");
            for (String code : order) {
                // many cells per budget widen the window in which one import holds a budget the other needs
                for (String type : List.of("PERSONNEL", "PUBLIC_FUNDS", "PROJECT")) {
                    csv.append(code).append(",2024,").append(type).append(",GENERAL_PUBLIC,").append(i + 1)
                            .append(".00\n");
                }
            }
            return given().auth().oauth2(Tokens.finance()).contentType("text/csv")
                    .body(csv.toString().getBytes(StandardCharsets.UTF_8)).when()
                    .post("/api/v1/imports/budgets?fileName=order-" + i + ".csv").andReturn();
        });

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(201));
        // the last import to commit set both budgets whole: each budget holds one import's amounts, never a mix
        for (String code : List.of(a, b)) {
            List<Float> amounts = given().auth().oauth2(Tokens.finance()).when()
                    .get("/api/v1/departments/{c}/budgets/2024", code).then().statusCode(200).extract().jsonPath()
                    .getList("allocations.amount", Float.class);
            assertThat(amounts).hasSize(3);
            assertThat(new java.util.HashSet<>(amounts)).hasSize(1);
            assertThat(new BigDecimal(amounts.get(0).toString())).isPositive();
        }
    }
}
