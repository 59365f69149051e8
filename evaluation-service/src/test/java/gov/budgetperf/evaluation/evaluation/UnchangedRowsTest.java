package gov.budgetperf.evaluation.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import gov.budgetperf.common.testing.Tokens;

/**
 * Filling in one indicator writes the rows it changes and no others: an explanation read back from the database
 * (100, keys reordered) is the same as the one computed (1E+2), so it is not rewritten. And the ETag a write answers
 * is the version stored, so the next write can use it.
 */
@QuarkusTest
class UnchangedRowsTest {

    @Inject
    AgroalDataSource db;

    private static Map<String, Object> leaf(String code, int weight, Map<String, Object> rule) {
        return Map.of("code", code, "name", code, "weight", weight, "rule", rule);
    }

    /** The transaction that last wrote each indicator of an evaluation, by code. */
    private Map<String, String> writers(long evaluationId) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT code, xmin::text FROM indicator WHERE evaluation_id = ?")) {
            ps.setLong(1, evaluationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static String etag(long id) {
        return given().auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations/{id}", id).then().statusCode(200)
                .extract().header("ETag");
    }

    private static Response fill(long id, String etag, String code, Map<String, Object> values) {
        return given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag).body(values)
                .when().put("/api/v1/evaluations/{id}/indicators/{code}", id, code).then().statusCode(200).extract()
                .response();
    }

    @Test
    void aPutWritesOnlyTheIndicatorsItChanges() throws Exception {
        String code = "W-" + UUID.randomUUID().toString().substring(0, 8);
        String finance = Tokens.finance();
        // whole numbers everywhere: weights 30/30/40, target 100, actuals 90 and 93, threshold 95
        Map<String, Object> ruleSet = Map.of("code", code, "name", "整数", "subjectType", "DEPARTMENT", "effectiveFrom",
                "2024-01-01", "tree", Map.of("nodes", List.of(
                        Map.of("code", "A", "name", "A", "weight", 60, "children", List.of(
                                leaf("A1", 30, Map.of("type", "RATIO_POSITIVE")),
                                leaf("A2", 30, Map.of("type", "THRESHOLD_STEPS", "threshold", 95, "step", 2,
                                        "deductionFraction", 0.2)))),
                        Map.of("code", "B", "name", "B", "weight", 40, "children",
                                List.of(leaf("B1", 40, Map.of("type", "QUALITATIVE")))))));
        String draft = given().auth().oauth2(finance).contentType(ContentType.JSON).body(ruleSet).when()
                .post("/api/v1/rule-sets").then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(finance).header("If-Match", draft).when()
                .post("/api/v1/rule-sets/{c}/versions/1/publish", code).then().statusCode(200);
        long id = given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", code, "fiscalYear", 2024, "ruleSetCode", code))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
        fill(id, etag(id), "A1", Map.of("target", 100, "actual", 90));
        fill(id, etag(id), "A2", Map.of("target", 100, "actual", 93));
        fill(id, etag(id), "B1", Map.of("band", "ACHIEVED", "proposedScore", 36));

        Map<String, String> before = writers(id);
        Response put = fill(id, etag(id), "B1", Map.of("band", "ACHIEVED", "proposedScore", 38));
        Map<String, String> after = writers(id);

        TreeSet<String> written = new TreeSet<>();
        after.forEach((c, xmin) -> {
            if (!xmin.equals(before.get(c))) {
                written.add(c);
            }
        });
        assertThat(written).as("indicators written by the PUT").containsExactly("B", "B1");
        assertThat(new BigDecimal(put.jsonPath().getString("total"))).isEqualByComparingTo("89.00");
    }

    @Test
    void theETagOfAWriteIsTheStoredVersion() {
        String dept = "WE-" + UUID.randomUUID().toString().substring(0, 8);
        long id = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", dept, "fiscalYear", 2024, "ruleSetCode",
                        "GZ-DEPT-COMMON"))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
        Response put = fill(id, etag(id), "GL11", Map.of("yes", true));
        // a GET says the same, and the next write is accepted with it
        assertThat(etag(id)).isEqualTo(put.header("ETag"));
        fill(id, put.header("ETag"), "GL21", Map.of("yes", true));
    }
}
