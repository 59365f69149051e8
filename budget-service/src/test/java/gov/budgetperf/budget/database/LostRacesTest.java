package gov.budgetperf.budget.database;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
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

    /**
     * Deterministic: another transaction holds the same code uncommitted, so the request passes the service's check
     * and waits at the unique key; when that transaction commits, the request is told in words what is duplicated.
     */
    @Test
    void aCreateThatLosesAtTheUniqueKeyIsA409NamingTheKey() throws Exception {
        String code = Fixtures.uniqueCode("UKEY");
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        try (Connection first = DriverManager.getConnection(url, user, password);
                Connection watch = DriverManager.getConnection(url, user, password)) {
            first.setAutoCommit(false);
            try (PreparedStatement s = first
                    .prepareStatement("INSERT INTO department (code, name, region) VALUES (?, '先到', '测试区')")) {
                s.setString(1, code);
                s.executeUpdate();
            }
            CompletableFuture<Response> create = CompletableFuture.supplyAsync(() -> given().auth()
                    .oauth2(Tokens.finance()).contentType(ContentType.JSON)
                    .body(Map.of("code", code, "name", "后到", "region", "测试区")).when().post("/api/v1/departments")
                    .andReturn());
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try (PreparedStatement s = watch.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND wait_event_type = 'Lock' "
                        + "AND query ILIKE 'insert into department %'");
                        ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1) > 0;
                }
            });
            first.commit();

            Response r = create.get(20, TimeUnit.SECONDS);
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("detail")).contains("a department with this code already exists");
            assertThat(r.jsonPath().getList("violations.field")).containsExactly("code");
        }
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
    void concurrentReversalsOfOneEntryAreOneReversalAndConflicts() {
        String code = Fixtures.uniqueCode("RACER");
        Fixtures.department(code, "冲销竞争", "测试区");
        Fixtures.budget(code, 2024, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "1000.00")));
        long id = Fixtures.expenditure(code, 2024, "2024-03-01", "10.00", "PERSONNEL", null).extract().jsonPath()
                .getLong("id");
        List<Response> answers = AtOnce.run(N, i -> given().auth().oauth2(Tokens.finance())
                .contentType(ContentType.JSON).body(Map.of("date", "2024-03-02", "reason", "重复录入" + i)).when()
                .post("/api/v1/departments/{c}/budgets/2024/expenditures/{id}/reversal", code, id).andReturn());

        assertOneCreatedRestConflict(answers, "already");
        assertThat(given().auth().oauth2(Tokens.finance()).when()
                .get("/api/v1/departments/{c}/budgets/2024/expenditures", code).then().statusCode(200).extract()
                .jsonPath().getList("items.amount", Float.class)).containsExactlyInAnyOrder(10.0f, -10.0f);
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
