package gov.budgetperf.budget.ledger;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.Tokens;

/**
 * What is created answers when it was created: the creation time was the column's default, never read back, so a
 * created adjustment, ledger entry or reversal came back with {@code createdAt: null}.
 */
@QuarkusTest
class CreatedAtTest {

    @Test
    void createdRowsCarryTheirCreationTime() {
        String code = Fixtures.uniqueCode("CRT");
        Fixtures.department(code, "创建时间测试", "测试区");
        Fixtures.budget(code, 2022, List.of(alloc("PUBLIC_FUNDS", "GENERAL_PUBLIC", "1000.00")));
        Fixtures.adjustment(code, 2022, "2022-03-01", "ADDITION", "10.00", "PUBLIC_FUNDS").body("createdAt",
                notNullValue());
        long id = Fixtures.expenditure(code, 2022, "2022-03-02", "20.00", "PUBLIC_FUNDS", null).body("createdAt",
                notNullValue()).extract().jsonPath().getLong("id");
        String reversal = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("date", "2022-03-03", "reason", "录入错误")).when()
                .post("/api/v1/departments/{c}/budgets/2022/expenditures/{id}/reversal", code, id).then().statusCode(201)
                .extract().jsonPath().getString("createdAt");
        // a real timestamp, as read back later
        OffsetDateTime.parse(reversal);
        given().auth().oauth2(Tokens.finance()).when().get("/api/v1/departments/{c}/budgets/2022/expenditures/{id}",
                code, id).then().statusCode(200).body("createdAt", notNullValue());
    }
}
