package gov.budgetperf.budget.budget;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.Tokens;

/** The figures of the three 2022 seeds, entered through the API, come out as the documents report them. */
@QuarkusTest
class SeedFiguresTest {

    private static JsonPath metrics(String code, int year) {
        return given().auth().oauth2(Tokens.finance()).when()
                .get("/api/v1/departments/{code}/budgets/{year}/metrics", code, year).then().statusCode(200).extract()
                .jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static BigDecimal dec(JsonPath j, String path) {
        return new BigDecimal(j.getString(path));
    }

    @Test
    void tianheExecutionRateIs9603AndAdjustmentRateIsNotZero() {
        String th = Fixtures.uniqueCode("TH");
        Fixtures.department(th, "广州市天河区工商业联合会", "天河区");
        // 年初预算 417.82 万元 (the split by type is illustrative; the seed gives only the total)
        Fixtures.budget(th, 2022, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "2800000.00"),
                alloc("PUBLIC_FUNDS", "GENERAL_PUBLIC", "1237000.00"), alloc("PROJECT", "GENERAL_PUBLIC", "141200.00")));
        // 年度预算调整数 0.21 万元
        Fixtures.adjustment(th, 2022, "2022-09-30", "ADDITION", "2100.00", "PUBLIC_FUNDS");
        // 实际支出 401.42 万元
        Fixtures.expenditure(th, 2022, "2022-06-30", "2700000.00", "PERSONNEL", null);
        Fixtures.expenditure(th, 2022, "2022-11-30", "1173000.00", "PUBLIC_FUNDS", null);
        Fixtures.expenditure(th, 2022, "2022-12-20", "141200.00", "PROJECT", null);

        JsonPath m = metrics(th, 2022);
        assertThat(dec(m, "initialBudget")).isEqualByComparingTo("4178200.00");
        assertThat(dec(m, "adjustedBudget")).isEqualByComparingTo("4180300.00");
        assertThat(dec(m, "actualExpenditure")).isEqualByComparingTo("4014200.00");
        assertThat(dec(m, "actualByFundingSource.GENERAL_PUBLIC")).isEqualByComparingTo("4014200.00");
        assertThat(dec(m, "executionRate.percent")).isEqualByComparingTo("96.03");
        // The seed prints 0.00% beside an adjustment of 0.21 on 417.82: computed, it is 0.05%.
        assertThat(dec(m, "adjustmentRate.percent")).isEqualByComparingTo("0.05");
        assertThat(dec(m, "basicExpenditure")).isEqualByComparingTo("3873000.00");
        assertThat(dec(m, "staffControlRate.percent")).isEqualByComparingTo("91.67");
    }

    @Test
    void huaduExecutionRateIs9802() {
        String hd = Fixtures.uniqueCode("HD");
        Fixtures.department(hd, "广州市花都区工商业联合会", "花都区");
        // 预算收入 628.47 万元, of which 项目 118.73 万元
        Fixtures.budget(hd, 2022, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "4200000.00"),
                alloc("PUBLIC_FUNDS", "GENERAL_PUBLIC", "897400.00"), alloc("PROJECT", "GENERAL_PUBLIC", "1187300.00")));
        // 决算 616.04 万元
        Fixtures.expenditure(hd, 2022, "2022-12-31", "4100000.00", "PERSONNEL", null);
        Fixtures.expenditure(hd, 2022, "2022-12-31", "873100.00", "PUBLIC_FUNDS", null);
        Fixtures.expenditure(hd, 2022, "2022-12-31", "1187300.00", "PROJECT", null);

        JsonPath m = metrics(hd, 2022);
        assertThat(dec(m, "adjustedBudget")).isEqualByComparingTo("6284700.00");
        assertThat(dec(m, "actualExpenditure")).isEqualByComparingTo("6160400.00");
        assertThat(dec(m, "executionRate.percent")).isEqualByComparingTo("98.02");
        assertThat(dec(m, "adjustmentRate.percent")).isEqualByComparingTo("0.00");
    }

    @Test
    void zengchengTotalIsBasicPlusProject() {
        String zc = Fixtures.uniqueCode("ZC");
        Fixtures.department(zc, "广州市增城区工商业联合会", "增城区");
        // 总预算 536.58 = 基本支出 441.13 + 项目支出 95.45 (万元)
        Fixtures.budget(zc, 2022, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "3600000.00"),
                alloc("PUBLIC_FUNDS", "GENERAL_PUBLIC", "811300.00"), alloc("PROJECT", "GENERAL_PUBLIC", "954500.00")));
        // The seed scores 部门预算资金支出率 9.3 of 10: 93% executed.
        Fixtures.expenditure(zc, 2022, "2022-12-31", "4990194.00", "PUBLIC_FUNDS", null);

        JsonPath m = metrics(zc, 2022);
        BigDecimal basic = dec(m, "initialByType.PERSONNEL").add(dec(m, "initialByType.PUBLIC_FUNDS"));
        assertThat(basic).isEqualByComparingTo("4411300.00");
        assertThat(dec(m, "initialByType.PROJECT")).isEqualByComparingTo("954500.00");
        assertThat(dec(m, "initialBudget")).isEqualByComparingTo(basic.add(dec(m, "initialByType.PROJECT")));
        assertThat(dec(m, "initialBudget")).isEqualByComparingTo("5365800.00");
        assertThat(dec(m, "executionRate.percent")).isEqualByComparingTo("93.00");
    }
}
