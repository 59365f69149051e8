package gov.budgetperf.evaluation.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.common.testing.Tokens;

/**
 * A budget event changes only what it changes: the stored figures are written once per event (not again at every
 * flush of its transaction), and figures that leave the execution rate as it was leave the evaluation alone — no new
 * version, so a department editing it at that moment is not refused (412) for nothing.
 */
@QuarkusTest
class BudgetEventWritesTest {

    @Inject
    AgroalDataSource db;

    private static String lz13(long id) {
        return given().auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations/{id}", id).then().statusCode(200)
                .extract().jsonPath().getString("indicators.find { it.code == 'LZ13' }.score");
    }

    private static String etag(long id) {
        return given().auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations/{id}", id).then().statusCode(200)
                .extract().header("ETag");
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private Long dataVersion(String dept) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT data_version FROM budget_figures WHERE department_code = ? AND project_code = ''")) {
            ps.setString(1, dept);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** How many times each budget_figures row of the department was written (UPDATE) with a data version. */
    private Map<String, Integer> writes(String dept, long version) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT project_code, count(*) "
                        + "FROM test_budget_figures_writes WHERE department_code = ? AND data_version = ? GROUP BY project_code")) {
            ps.setString(1, dept);
            ps.setLong(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    private static long evaluation(String dept) {
        return given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", dept, "fiscalYear", 2022, "ruleSetCode",
                        "GZ-DEPT-COMMON"))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void awaitLz13(long id, String score) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    String lz13 = lz13(id);
                    assertThat(lz13).as("LZ13 scored (the event consumed)").isNotNull();
                    assertThat(new BigDecimal(lz13)).isEqualByComparingTo(score);
                });
    }

    @Test
    void figuresAreWrittenOncePerEvent() throws Exception {
        String dept = "BEW-" + UUID.randomUUID().toString().substring(0, 8);
        long id = evaluation(dept);
        // count the writes of budget_figures rows (test database only; removed below)
        sql("CREATE TABLE IF NOT EXISTS test_budget_figures_writes (department_code TEXT, project_code TEXT, "
                + "data_version BIGINT)");
        sql("CREATE OR REPLACE FUNCTION test_budget_figures_write() RETURNS trigger AS $$ BEGIN "
                + "INSERT INTO test_budget_figures_writes VALUES (NEW.department_code, NEW.project_code, NEW.data_version); "
                + "RETURN NEW; END $$ LANGUAGE plpgsql");
        sql("DROP TRIGGER IF EXISTS test_budget_figures_write ON budget_figures");
        sql("CREATE TRIGGER test_budget_figures_write AFTER UPDATE ON budget_figures FOR EACH ROW "
                + "EXECUTE FUNCTION test_budget_figures_write()");
        try (BudgetEventsFixture budget = new BudgetEventsFixture()) {
            budget.send(budget.budgetChanged(dept, 2022, 1, "0.930000000000"));
            awaitLz13(id, "9.30");
            // a new rate: the evaluation is rescored (several flushes), each figures row (department, its project)
            // is written once
            budget.send(budget.budgetChanged(dept, 2022, 2, "0.950000000000"));
            awaitLz13(id, "9.50");
            assertThat(writes(dept, 2)).as("UPDATEs of budget_figures rows by event version 2")
                    .isEqualTo(Map.of("", 1, "TH-2022-GZJF", 1));
            // the same rate in a newer version: the rows take the new version, once
            budget.send(budget.budgetChanged(dept, 2022, 3, "0.950000000000"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(3).equals(dataVersion(dept)));
            assertThat(writes(dept, 3)).as("UPDATEs of budget_figures rows by event version 3")
                    .isEqualTo(Map.of("", 1, "TH-2022-GZJF", 1));
        } finally {
            sql("DROP TRIGGER IF EXISTS test_budget_figures_write ON budget_figures");
            sql("DROP FUNCTION IF EXISTS test_budget_figures_write()");
            sql("DROP TABLE IF EXISTS test_budget_figures_writes");
        }
    }

    @Test
    void figuresWithAnUnchangedRateKeepTheEvaluationsVersion() throws Exception {
        String dept = "BEV-" + UUID.randomUUID().toString().substring(0, 8);
        long id = evaluation(dept);
        try (BudgetEventsFixture budget = new BudgetEventsFixture()) {
            budget.send(budget.budgetChanged(dept, 2022, 1, "0.930000000000"));
            awaitLz13(id, "9.30");
            String version = etag(id);
            // the same rate in a newer version of the figures: stored, but the evaluation does not change
            budget.send(budget.budgetChanged(dept, 2022, 2, "0.930000000000"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(2).equals(dataVersion(dept)));
            assertThat(etag(id)).as("version (ETag) after figures with an unchanged rate").isEqualTo(version);
            // a department editing it meanwhile is not refused
            given().auth().oauth2(Tokens.department(dept)).contentType(ContentType.JSON).header("If-Match", version)
                    .body(Map.of("yes", true)).when().put("/api/v1/evaluations/{id}/indicators/GL11", id).then()
                    .statusCode(200);
        }
        assertThat(given().auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations/{id}/audit?size=200", id).then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { it.action == 'BUDGET_FIGURES_APPLIED' }"))
                .hasSize(1);
    }
}
