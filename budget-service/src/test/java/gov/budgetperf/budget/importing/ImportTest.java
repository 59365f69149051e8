package gov.budgetperf.budget.importing;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.Tokens;

/** CSV and XLSX imports: all rows or none, every rejection reported, the same file twice is a no-op. */
@QuarkusTest
class ImportTest {

    static final String CSV = "text/csv; charset=UTF-8";

    private static BigDecimal actual(String code) {
        return new BigDecimal(given().auth().oauth2(Tokens.finance()).when()
                .get("/api/v1/departments/{c}/budgets/2022/metrics", code).then().statusCode(200).extract().jsonPath()
                .getString("actualExpenditure"));
    }

    private static String department() {
        String code = Fixtures.uniqueCode("IMP");
        Fixtures.department(code, "导入测试", "测试区");
        Fixtures.budget(code, 2022, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "100000.00")));
        return code;
    }

    @Test
    void csvImportIsAllOrNothingAndIdempotent() {
        String code = department();
        String good = "department_code,fiscal_year,date,amount,expenditure_type,funding_source,economic_class,description\n"
                + code + ",2022,2022-01-31,1000.50,PERSONNEL,GENERAL_PUBLIC,30101,\"工资, 一月\"\n"
                + code + ",2022,2022/2/28,999.50,人员经费,一般公共预算,30101,二月\n";
        JsonPath report = given().auth().oauth2(Tokens.finance()).contentType(CSV).body(good.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports/expenditures?fileName=jan.csv").then().statusCode(201)
                .body("status", equalTo("IMPORTED")).body("rows", equalTo(2)).extract().jsonPath();
        assertThat(report.getList("departmentYears")).containsExactly(code + ":2022");
        assertThat(actual(code)).isEqualByComparingTo("2000.00");

        // the same bytes again: nothing changes
        given().auth().oauth2(Tokens.finance()).contentType(CSV).body(good.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports/expenditures?fileName=jan-again.csv").then().statusCode(200)
                .body("status", equalTo("ALREADY_IMPORTED")).body("batchId", equalTo(report.getInt("batchId")));
        assertThat(actual(code)).isEqualByComparingTo("2000.00");

        // one good row and three bad ones: nothing imported, every rejection reported with row and column
        String bad = "department_code,fiscal_year,date,amount,expenditure_type\n"
                + code + ",2022,2022-03-31,500.00,PERSONNEL\n"
                + code + ",2022,2022-13-01,500.00,PERSONNEL\n"
                + code + ",2022,2022-03-31,12.345,PERSONNEL\n"
                + code + ",2022,2022-03-31,10.00,SALARY\n"
                + "NO-SUCH-DEPT,2022,2022-03-31,10.00,PERSONNEL\n";
        JsonPath problem = given().auth().oauth2(Tokens.finance()).contentType(CSV).body(bad.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports/expenditures").then().statusCode(422)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("violations.row", Integer.class)).containsExactly(3, 4, 5, 6);
        assertThat(problem.getList("violations.field", String.class)).containsExactly("date", "amount",
                "expenditure_type", "department_code");
        assertThat(actual(code)).isEqualByComparingTo("2000.00");
    }

    @Test
    void missingColumnsAreReported() {
        given().auth().oauth2(Tokens.finance()).contentType(CSV).body("department_code,amount\nX,1\n")
                .when().post("/api/v1/imports/expenditures").then().statusCode(422)
                .body("violations.field", org.hamcrest.Matchers.hasItems("fiscal_year", "date"));
    }

    @Test
    void xlsxImportWithChineseHeadersAndDateCells() throws Exception {
        String code = department();
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("台账");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row h = sheet.createRow(0);
            String[] headers = {"部门编码", "年度", "日期", "金额", "支出类型"};
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 1; r <= 3; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(code);
                row.createCell(1).setCellValue(2022);
                var date = row.createCell(2);
                date.setCellValue(LocalDate.of(2022, r, 15));
                date.setCellStyle(dateStyle);
                row.createCell(3).setCellValue(100.25 * r);
                row.createCell(4).setCellValue("人员经费");
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        given().auth().oauth2(Tokens.finance())
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(xlsx)
                .when().post("/api/v1/imports/expenditures?fileName=ledger.xlsx").then().statusCode(201)
                .body("rows", equalTo(3));
        assertThat(actual(code)).isEqualByComparingTo("601.50");
        BigDecimal march = new BigDecimal(given().auth().oauth2(Tokens.finance()).when()
                .get("/api/v1/departments/{c}/budgets/2022/metrics?asOf=2022-02-28", code).then().statusCode(200)
                .extract().jsonPath().getString("actualExpenditure"));
        assertThat(march).isEqualByComparingTo("300.75");
    }

    @Test
    void budgetImportSetsInitialBudgets() {
        String code = Fixtures.uniqueCode("IMPB");
        Fixtures.department(code, "预算导入", "测试区");
        String csv = "部门编码,年度,支出类型,资金来源,金额\n" + code + ",2022,人员经费,一般公共预算,3600000.00\n" + code
                + ",2022,日常公用经费,一般公共预算,811300.00\n" + code + ",2022,项目支出,一般公共预算,954500.00\n";
        given().auth().oauth2(Tokens.finance()).contentType(CSV).body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports/budgets").then().statusCode(201).body("rows", equalTo(3));
        given().auth().oauth2(Tokens.finance()).when().get("/api/v1/departments/{c}/budgets/2022", code).then()
                .statusCode(200).body("initialBudget", equalTo(5365800.0f));
    }
}
