package gov.budgetperf.budget.importing;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.Tokens;

/**
 * Issue 11 §4: a file that is not OOXML given as XLSX, or a CSV with an unterminated quote, is a 400 problem naming
 * the file (and the last row read), and nothing of it is imported — not a 500.
 */
@QuarkusTest
class UnreadableFileTest {

    static final String CSV = "text/csv; charset=UTF-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static BigDecimal actual(String code) {
        return new BigDecimal(given().auth().oauth2(Tokens.finance()).when()
                .get("/api/v1/departments/{c}/budgets/2022/metrics", code).then().statusCode(200).extract().jsonPath()
                .getString("actualExpenditure"));
    }

    @Test
    void notOoxmlAsXlsxIs400NamingTheFile() {
        for (String path : List.of("/api/v1/imports/expenditures", "/api/v1/imports/budgets")) {
            for (byte[] body : List.of("this is not a spreadsheet".getBytes(StandardCharsets.UTF_8),
                    new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0})) {
                given().auth().oauth2(Tokens.finance()).contentType(XLSX).body(body).when().post(path).then()
                        .statusCode(400).contentType(startsWith("application/problem+json"))
                        .body("violations[0].field", equalTo("file"))
                        .body("violations[0].message", containsString("Not a readable XLSX file"));
            }
        }
    }

    @Test
    void csvWithAnUnterminatedQuoteIs400AndImportsNothing() {
        String code = Fixtures.uniqueCode("UNRD");
        Fixtures.department(code, "坏文件", "测试区");
        Fixtures.budget(code, 2022, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "100000.00")));
        String csv = "department_code,fiscal_year,date,amount,expenditure_type\n" + code
                + ",2022,2022-01-31,100.00,PERSONNEL\n" + code + ",2022,2022-02-28,200.00,PERSONNEL\n" + code
                + ",2022,2022-03-31,\"300.00,PERSONNEL\n";
        given().auth().oauth2(Tokens.finance()).contentType(CSV).body(csv.getBytes(StandardCharsets.UTF_8)).when()
                .post("/api/v1/imports/expenditures").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("file"))
                .body("violations[0].message", containsString("after row 3"));
        assertThat(actual(code)).isEqualByComparingTo("0");

        String budgets = "部门编码,年度,支出类型,资金来源,金额\n" + code + ",2022,人员经费,一般公共预算,\"5.00\n";
        given().auth().oauth2(Tokens.finance()).contentType(CSV).body(budgets.getBytes(StandardCharsets.UTF_8)).when()
                .post("/api/v1/imports/budgets").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("file"));
        given().auth().oauth2(Tokens.finance()).when().get("/api/v1/departments/{c}/budgets/2022", code).then()
                .statusCode(200).body("initialBudget", equalTo(100000.0f));
    }
}
