package gov.budgetperf.budget;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import gov.budgetperf.common.testing.Tokens;

/** Test data through the public API; every test makes its own department so tests never share data. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static void department(String code, String name, String region) {
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "region", region, "unitCount", 1))
                .when().post("/api/v1/departments").then().statusCode(201);
    }

    /** A budget with allocations given as (type, source, amount) triples. */
    public static ValidatableResponse budget(String code, int year, List<Map<String, Object>> allocations) {
        return given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("allocations", allocations, "staffQuota", 12, "actualStaff", 11))
                .when().post("/api/v1/departments/{code}/budgets/{year}", code, year).then().statusCode(201);
    }

    public static Map<String, Object> alloc(String type, String source, String amount) {
        return Map.of("expenditureType", type, "fundingSource", source, "amount", amount);
    }

    public static ValidatableResponse expenditure(String code, int year, String date, String amount, String type,
            String project) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("date", date, "amount", amount));
        if (type != null) {
            body.put("expenditureType", type);
        }
        if (project != null) {
            body.put("projectCode", project);
        }
        return given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/departments/{code}/budgets/{year}/expenditures", code, year).then()
                .statusCode(201);
    }

    public static ValidatableResponse adjustment(String code, int year, String date, String kind, String amount,
            String type) {
        return given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("date", date, "kind", kind, "amount", amount, "expenditureType", type, "reason", "测试调整"))
                .when().post("/api/v1/departments/{code}/budgets/{year}/adjustments", code, year).then().statusCode(201);
    }
}
