package gov.budgetperf.budget.security;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.Tokens;

/** Bearer JWT on every endpoint; roles; a department sees and changes only its own data. */
@QuarkusTest
class SecurityTest {

    static String own;
    static String other;

    @BeforeEach
    void data() {
        if (own != null) {
            return;
        }
        own = Fixtures.uniqueCode("SEC-A");
        other = Fixtures.uniqueCode("SEC-B");
        Fixtures.department(own, "甲部门", "测试区");
        Fixtures.department(other, "乙部门", "测试区");
        Fixtures.budget(own, 2023, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "1000.00")));
        Fixtures.budget(other, 2023, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "1000.00")));
    }

    @Test
    void noTokenIs401() {
        given().when().get("/api/v1/departments/{c}/budgets/2023", own).then().statusCode(401);
        given().when().get("/api/v1/departments").then().statusCode(401);
    }

    @Test
    void badSignatureIs401() throws Exception {
        var kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        String forged = Tokens.builder("finance", null).sign(kpg.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).when().get("/api/v1/departments").then().statusCode(401);
    }

    @Test
    void expiredTokenIs401() {
        String expired = Tokens.builder("finance", null).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign();
        given().auth().oauth2(expired).when().get("/api/v1/departments").then().statusCode(401);
    }

    @Test
    void aTokenExpiredBeyondTheClockSkewIs401() {
        // mp.jwt.verify.clock.skew is 5 s (smallrye-jwt's default of 60 s accepted this token)
        String expired = Tokens.builder("finance", null).issuedAt(Instant.now().minusSeconds(600))
                .expiresAt(Instant.now().minusSeconds(20)).sign();
        given().auth().oauth2(expired).when().get("/api/v1/departments").then().statusCode(401);
    }

    @Test
    void wrongIssuerIs401() {
        String token = Tokens.builder("finance", null).issuer("https://evil.example").sign();
        given().auth().oauth2(token).when().get("/api/v1/departments").then().statusCode(401);
    }

    @Test
    void auditorReadsButCannotWrite() {
        given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/departments/{c}/budgets/2023/metrics", own).then()
                .statusCode(200);
        given().auth().oauth2(Tokens.auditor()).contentType(ContentType.JSON)
                .body(Map.of("date", "2023-01-05", "amount", "1.00", "expenditureType", "PERSONNEL"))
                .when().post("/api/v1/departments/{c}/budgets/2023/expenditures", own).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void departmentCannotCreateDepartments() {
        given().auth().oauth2(Tokens.department(own)).contentType(ContentType.JSON)
                .body(Map.of("code", Fixtures.uniqueCode("X"), "name", "x", "region", "x"))
                .when().post("/api/v1/departments").then().statusCode(403).body("status", equalTo(403));
    }

    @Test
    void departmentReadsAndWritesOnlyItsOwnBudget() {
        String token = Tokens.department(own);
        given().auth().oauth2(token).when().get("/api/v1/departments/{c}/budgets/2023", own).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/departments/{c}/budgets/2023", other).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(token).when().get("/api/v1/departments/{c}/budgets/2023/metrics", other).then()
                .statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", "2023-01-05", "amount", "1.00", "expenditureType", "PERSONNEL"))
                .when().post("/api/v1/departments/{c}/budgets/2023/expenditures", other).then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", "2023-01-05", "amount", "1.00", "expenditureType", "PERSONNEL"))
                .when().post("/api/v1/departments/{c}/budgets/2023/expenditures", own).then().statusCode(201);
        // the list shows only its own department
        given().auth().oauth2(token).when().get("/api/v1/departments?region=测试区").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].code", equalTo(own));
    }

    @Test
    void departmentCannotImportAnotherDepartmentsLedger() {
        String csv = "department_code,fiscal_year,date,amount,expenditure_type\n" + other + ",2023,2023-02-01,5.00,PERSONNEL\n";
        given().auth().oauth2(Tokens.department(own)).contentType("text/csv").body(csv)
                .when().post("/api/v1/imports/expenditures").then().statusCode(403)
                .contentType("application/problem+json").body("violations[0].field", equalTo("department_code"))
                .body("violations[0].row", equalTo(2));
    }
}
