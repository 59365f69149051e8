package gov.budgetperf.budget.ledger;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.Tokens;

/** The append-only ledger, reversals, project changes and figures as of a date. */
@QuarkusTest
class LedgerTest {

    @Inject
    AgroalDataSource dataSource;

    private static JsonPath get(String path, Object... params) {
        return given().auth().oauth2(Tokens.finance()).when().get(path, params).then().statusCode(200).extract()
                .jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static BigDecimal dec(JsonPath j, String path) {
        return new BigDecimal(j.getString(path));
    }

    @Test
    void reversalCorrectsWithoutLosingTheOriginal() throws Exception {
        String code = Fixtures.uniqueCode("LED");
        Fixtures.department(code, "台账测试", "测试区");
        Fixtures.budget(code, 2022, List.of(alloc("PUBLIC_FUNDS", "GENERAL_PUBLIC", "10000.00")));
        long first = Fixtures.expenditure(code, 2022, "2022-02-10", "1200.00", "PUBLIC_FUNDS", null).extract()
                .jsonPath().getLong("id");
        Fixtures.expenditure(code, 2022, "2022-05-10", "800.00", "PUBLIC_FUNDS", null);

        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("date", "2022-06-01", "reason", "重复录入")).when()
                .post("/api/v1/departments/{c}/budgets/2022/expenditures/{id}/reversal", code, first).then()
                .statusCode(201);
        // a second reversal of the same entry is refused
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("date", "2022-06-02", "reason", "again")).when()
                .post("/api/v1/departments/{c}/budgets/2022/expenditures/{id}/reversal", code, first).then()
                .statusCode(409);

        JsonPath ledger = get("/api/v1/departments/{c}/budgets/2022/expenditures", code);
        assertThat(ledger.getList("items")).hasSize(3);
        assertThat(dec(ledger, "items[2].amount")).isEqualByComparingTo("-1200.00");
        assertThat(ledger.getLong("items[2].reversesId")).isEqualTo(first);

        // as of a date: before the reversal the original counts
        assertThat(dec(get("/api/v1/departments/{c}/budgets/2022/metrics?asOf=2022-05-31", code), "actualExpenditure"))
                .isEqualByComparingTo("2000.00");
        JsonPath yearEnd = get("/api/v1/departments/{c}/budgets/2022/metrics", code);
        assertThat(dec(yearEnd, "actualExpenditure")).isEqualByComparingTo("800.00");
        assertThat(dec(yearEnd, "publicFundsControlRate.percent")).isEqualByComparingTo("8.00");

        // the database itself refuses to edit or delete a ledger row
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE expenditure SET amount = 1 WHERE id = " + first))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM expenditure WHERE id = " + first))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void projectExecutionRateUsesAdditionsReductionsAndTransfers() {
        String code = Fixtures.uniqueCode("PRJ");
        Fixtures.department(code, "项目测试", "测试区");
        Fixtures.budget(code, 2022, List.of(alloc("PROJECT", "GENERAL_PUBLIC", "100000.00")));
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("code", "P1", "name", "一级项目", "level", 1, "initialBudget", "100000.00")).when()
                .post("/api/v1/departments/{c}/budgets/2022/projects", code).then().statusCode(201);
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("code", "P1-1", "name", "二级项目", "level", 2, "parentCode", "P1", "initialBudget",
                        "0.00"))
                .when().post("/api/v1/departments/{c}/budgets/2022/projects", code).then().statusCode(201);
        for (Object[] change : new Object[][]{{"ADDITION", "20000.00", "2022-03-01"},
                {"REDUCTION", "5000.00", "2022-04-01"}, {"TRANSFER_OUT", "15000.00", "2022-09-01"}}) {
            given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                    .body(Map.of("kind", change[0], "amount", change[1], "date", change[2], "reason", "调整")).when()
                    .post("/api/v1/departments/{c}/budgets/2022/projects/P1/changes", code).then().statusCode(201);
        }
        Fixtures.expenditure(code, 2022, "2022-06-30", "45000.00", null, "P1");
        Fixtures.expenditure(code, 2022, "2022-07-15", "5000.00", null, "P1-1");

        // as of 30 June: budget 100000 + 20000 - 5000 = 115000, executed 45000
        JsonPath june = get("/api/v1/departments/{c}/budgets/2022/projects/P1/metrics?asOf=2022-06-30", code);
        assertThat(dec(june, "adjustedBudget")).isEqualByComparingTo("115000.00");
        assertThat(dec(june, "executed")).isEqualByComparingTo("45000.00");
        assertThat(dec(june, "executionRate.percent")).isEqualByComparingTo("39.13");
        // 序时进度: (45000 / 115000) / (6 / 12) * 100 = 78.26
        assertThat(dec(june, "timeProgress.ratio")).isEqualByComparingTo("78.26");
        assertThat(dec(june, "timeProgress.elapsedMonths")).isEqualByComparingTo("6");

        // year end: 100000 + 20000 - 5000 - 15000 = 100000; executed 50000 including the second-level project
        JsonPath end = get("/api/v1/departments/{c}/budgets/2022/projects/P1/metrics", code);
        assertThat(dec(end, "transfersOut")).isEqualByComparingTo("15000.00");
        assertThat(dec(end, "adjustedBudget")).isEqualByComparingTo("100000.00");
        assertThat(dec(end, "executed")).isEqualByComparingTo("50000.00");
        assertThat(dec(end, "executionRate.percent")).isEqualByComparingTo("50.00");

        // the department sees the project changes as adjustments of its project budget
        JsonPath dept = get("/api/v1/departments/{c}/budgets/2022/metrics", code);
        assertThat(dec(dept, "adjustmentTotal")).isEqualByComparingTo("0.00");
        assertThat(dec(dept, "adjustedByType.PROJECT")).isEqualByComparingTo("100000.00");
        assertThat(dec(dept, "projectExpenditure")).isEqualByComparingTo("50000.00");
    }

    @Test
    void expenditureOutsideTheFiscalYearIsRefused() {
        String code = Fixtures.uniqueCode("YR");
        Fixtures.department(code, "年度测试", "测试区");
        Fixtures.budget(code, 2022, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "100.00")));
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("date", "2023-01-01", "amount", "1.00", "expenditureType", "PERSONNEL")).when()
                .post("/api/v1/departments/{c}/budgets/2022/expenditures", code).then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("date"));
    }
}
