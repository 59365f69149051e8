package gov.budgetperf.budget.budget;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.Tokens;

/** A stale write gets 412 (or 428 without If-Match); bad input gets problem details naming the field. */
@QuarkusTest
class ConcurrencyAndValidationTest {

    private static Map<String, Object> budgetBody(String amount) {
        return Map.of("allocations", List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", amount)));
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        String code = Fixtures.uniqueCode("LOCK");
        Fixtures.department(code, "锁测试", "测试区");
        String etag = Fixtures.budget(code, 2024, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "100.00"))).extract()
                .header("ETag");

        // first writer wins
        String newEtag = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(budgetBody("200.00")).when().put("/api/v1/departments/{c}/budgets/2024", code).then()
                .statusCode(200).body("initialBudget", equalTo(200.0f)).extract().header("ETag");
        // second writer, with the version it read before, is refused
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(budgetBody("300.00")).when().put("/api/v1/departments/{c}/budgets/2024", code).then()
                .statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).body(budgetBody("300.00")).when()
                .put("/api/v1/departments/{c}/budgets/2024", code).then().statusCode(428);
        given().auth().oauth2(Tokens.finance()).when().get("/api/v1/departments/{c}/budgets/2024", code).then()
                .statusCode(200).header("ETag", newEtag).body("initialBudget", equalTo(200.0f));
        org.assertj.core.api.Assertions.assertThat(newEtag).isNotEqualTo(etag);
    }

    @Test
    void invalidBudgetNamesTheFields() {
        String code = Fixtures.uniqueCode("VAL");
        Fixtures.department(code, "校验测试", "测试区");
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("allocations", List.of(Map.of("expenditureType", "PERSONNEL", "fundingSource",
                        "GENERAL_PUBLIC", "amount", "-5.001")), "staffQuota", -1))
                .when().post("/api/v1/departments/{c}/budgets/2024", code).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("allocations[0].amount"))
                .body("violations.field", hasItem("staffQuota"));
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body("{\"allocations\": [{\"expenditureType\": \"NOPE\", \"fundingSource\": \"GENERAL_PUBLIC\", \"amount\": 1}]}")
                .when().post("/api/v1/departments/{c}/budgets/2024", code).then().statusCode(400)
                .body("violations[0].field", equalTo("allocations[0].expenditureType"));
        // nothing was created
        given().auth().oauth2(Tokens.finance()).when().get("/api/v1/departments/{c}/budgets/2024", code).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void duplicateCreateIs409() {
        String code = Fixtures.uniqueCode("DUP");
        Fixtures.department(code, "重复", "测试区");
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "重复", "region", "测试区")).when().post("/api/v1/departments").then()
                .statusCode(409).body("detail", not(equalTo(null)));
    }

    @Test
    void pageSizeIsCapped() {
        given().auth().oauth2(Tokens.finance()).when().get("/api/v1/departments?size=5000").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }
}
