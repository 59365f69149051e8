package gov.budgetperf.evaluation.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import gov.budgetperf.common.testing.Tokens;

/**
 * GET /evaluations/{id} shows one moment: the version (ETag) and the indicators' scores come from the same snapshot,
 * even when a change commits while the read runs.
 */
@QuarkusTest
class ConsistentReadTest {

    @Inject
    AgroalDataSource db;

    private static JsonPath get(long id) {
        return given().auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations/{id}", id).then().statusCode(200)
                .extract().jsonPath();
    }

    private int waitingForIndicator() throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted "
                        + "AND relation = 'indicator'::regclass")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aReadDuringACommitSeesEitherMomentNeverAMix() throws Exception {
        String dept = "CR-" + UUID.randomUUID().toString().substring(0, 8);
        long id = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", dept, "fiscalYear", 2024, "ruleSetCode",
                        "GZ-DEPT-COMMON"))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
        long version = get(id).getLong("version");

        // another writer changes the version and a score in one transaction; the read starts before it commits and
        // has to wait for the indicators (the writer holds the table), so it spans the commit
        try (Connection writer = db.getConnection(); Statement s = writer.createStatement()) {
            writer.setAutoCommit(false);
            s.execute("LOCK TABLE indicator IN ACCESS EXCLUSIVE MODE");
            s.executeUpdate("UPDATE evaluation SET version = version + 1 WHERE id = " + id);
            s.executeUpdate("UPDATE indicator SET score = 1.23 WHERE evaluation_id = " + id + " AND code = 'GL11'");
            CompletableFuture<JsonPath> read = CompletableFuture.supplyAsync(() -> get(id));
            try {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                        .until(() -> waitingForIndicator() > 0 || read.isDone());
            } finally {
                writer.commit();
            }
            JsonPath seen = read.get(30, TimeUnit.SECONDS);
            String score = seen.getString("indicators.find { it.code == 'GL11' }.score");
            long seenVersion = seen.getLong("version");
            assertThat(seenVersion + " / " + score).as("version / GL11 score in one response")
                    .isIn(version + " / null", (version + 1) + " / 1.23");
        }
    }
}
