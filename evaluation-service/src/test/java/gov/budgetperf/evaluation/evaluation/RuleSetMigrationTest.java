package gov.budgetperf.evaluation.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

import gov.budgetperf.common.testing.Tokens;

/**
 * Moving evaluations to a new rule-set version, over several batches (the tests run batches of 2, two at a time):
 * renamed and re-weighted nodes, a dropped node, an added budget-linked node that takes the stored figures, the
 * department's own indicator kept; one new version, an audit entry and a scored event per moved evaluation; a
 * submitted one left alone. What the move writes is what the service computes anywhere else: a later PUT that
 * changes nothing rewrites no indicator.
 */
@QuarkusTest
class RuleSetMigrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    private static Map<String, Object> leaf(String code, String name, int weight, Map<String, Object> rule) {
        return Map.of("code", code, "name", name, "weight", weight, "rule", rule);
    }

    private static Map<String, Object> ruleSet(String code, int version) {
        Map<String, Object> budget = Map.of("type", "BUDGET_LINKED", "metric", "EXECUTION_RATE");
        List<Object> x1 = List.of(leaf("X11", version == 1 ? "数量" : "数量（新）", 20, Map.of("type", "RATIO_POSITIVE")),
                leaf("X12", "执行率", 20, budget));
        List<Object> x3 = version == 1
                ? List.of(leaf("X31", "制度", 10, Map.of("type", "YES_NO")), leaf("X32", "人工", 10, Map.of("type", "MANUAL")))
                : List.of(leaf("X31", "制度", 10, Map.of("type", "YES_NO")), leaf("X33", "支出率", 10, budget));
        return Map.of("code", code, "name", "迁移 v" + version, "subjectType", "DEPARTMENT", "effectiveFrom", "2022-01-01",
                "tree", Map.of("nodes", List.of(Map.of("code", "X", "name", "一级", "weight", 100, "children", List.of(
                        Map.of("code", "X1", "name", "产出", "weight", 40, "children", x1),
                        Map.of("code", "X2", "name", "自定", "weight", 40, "extensible", true, "children", List.of()),
                        Map.of("code", "X3", "name", "管理", "weight", 20, "children", x3))))));
    }

    private static void publish(String code, int version) {
        String finance = Tokens.finance();
        String etag = given().auth().oauth2(finance).contentType(ContentType.JSON).body(ruleSet(code, version)).when()
                .post("/api/v1/rule-sets").then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(finance).header("If-Match", etag).when()
                .post("/api/v1/rule-sets/{c}/versions/{v}/publish", code, version).then().statusCode(200);
    }

    private static JsonPath get(long id) {
        return given().auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations/{id}", id).then().statusCode(200)
                .extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static String etag(long id) {
        return given().auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations/{id}", id).then().statusCode(200)
                .extract().header("ETag");
    }

    private static void put(long id, String code, Map<String, Object> values) {
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).header("If-Match", etag(id)).body(values)
                .when().put("/api/v1/evaluations/{id}/indicators/{code}", id, code).then().statusCode(200);
    }

    private static String field(JsonPath e, String code, String field) {
        return e.getString("indicators.find { it.code == '" + code + "' }." + field);
    }

    private Map<String, String> writers(long id) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT code, xmin::text FROM indicator WHERE evaluation_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The scored events of an evaluation in the outbox, oldest first. */
    private List<JsonNode> scoredEvents(long id) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT payload FROM outbox_event "
                        + "WHERE record_key = ? AND event_type = 'gov.budgetperf.evaluation.scored' ORDER BY created_at, id")) {
            ps.setString(1, Long.toString(id));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(JSON.readTree(rs.getString(1)).get("data"));
                }
            }
        }
        return out;
    }

    @Test
    void evaluationsMoveInBatchesAndComeOutAsTheServiceScoresThem() throws Exception {
        String code = "MIG-" + UUID.randomUUID().toString().substring(0, 8);
        publish(code, 1);
        String finance = Tokens.finance();
        // two department-years with figures (93% and 80% executed), three evaluations (kinds) each
        List<String> depts = List.of(code + "-A", code + "-B");
        try (BudgetEventsFixture budget = new BudgetEventsFixture()) {
            budget.send(budget.budgetChanged(depts.get(0), 2022, 1, "0.930000000000"));
            budget.send(budget.budgetChanged(depts.get(1), 2022, 1, "0.800000000000"));
        }
        Map<Long, String> rate = new LinkedHashMap<>();
        for (String dept : depts) {
            for (String kind : List.of("SELF", "DEPARTMENT", "FINANCE")) {
                long id = given().auth().oauth2(finance).contentType(ContentType.JSON)
                        .body(Map.of("subjectType", "DEPARTMENT", "departmentCode", dept, "fiscalYear", 2022, "kind", kind,
                                "ruleSetCode", code, "ruleSetVersion", 1))
                        .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
                rate.put(id, dept.endsWith("-A") ? "0.93" : "0.80");
            }
        }
        // the figures arrive (asynchronously) for evaluations created before or after them
        for (long id : rate.keySet()) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> field(get(id), "X12", "actual") != null);
            given().auth().oauth2(finance).contentType(ContentType.JSON).header("If-Match", etag(id))
                    .body(Map.of("parentCode", "X2", "code", "X2-01", "name", "自定指标", "weight", 40, "rule",
                            Map.of("type", "RATIO_POSITIVE")))
                    .when().post("/api/v1/evaluations/{id}/indicators", id).then().statusCode(201);
            put(id, "X11", Map.of("target", 100, "actual", 90));
            put(id, "X2-01", Map.of("target", 10, "actual", 10));
            put(id, "X31", Map.of("yes", true));
            put(id, "X32", Map.of("proposedScore", 8, "justification", "人工评分"));
        }
        List<Long> ids = new ArrayList<>(rate.keySet());
        long submitted = ids.remove(ids.size() - 1);
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE evaluation SET status = 'SUBMITTED' WHERE id = ?")) {
            ps.setLong(1, submitted);
            ps.executeUpdate();
        }
        Map<Long, Long> versions = new HashMap<>();
        Map<Long, Integer> events = new HashMap<>();
        for (long id : ids) {
            JsonPath e = get(id);
            // 18 + 18.60 (or 16) + 40 + 10 + 8
            assertThat(new BigDecimal(e.getString("total")))
                    .isEqualByComparingTo(rate.get(id).equals("0.93") ? "94.60" : "92.00");
            versions.put(id, e.getLong("version"));
            events.put(id, scoredEvents(id).size());
        }

        publish(code, 2);
        JsonPath moved = given().auth().oauth2(finance).when().post("/api/v1/rule-sets/{c}/versions/2/rescore", code).then()
                .statusCode(200).extract().jsonPath();
        assertThat(moved.getString("ruleSet")).isEqualTo(code + "/v2");
        assertThat(moved.getInt("evaluations")).isEqualTo(5);
        assertThat(moved.getInt("indicators")).isEqualTo(5 * 9);

        for (long id : ids) {
            JsonPath e = get(id);
            String r = rate.get(id);
            assertThat(e.getString("ruleSet")).isEqualTo(code + "/v2");
            assertThat(e.getList("indicators.code")).containsExactlyInAnyOrder("X", "X1", "X11", "X12", "X2", "X2-01", "X3",
                    "X31", "X33");
            assertThat(field(e, "X11", "name")).isEqualTo("数量（新）");
            // the added budget-linked node takes the stored figures (in percent, as shown) and is scored
            assertThat(new BigDecimal(field(e, "X33", "actual"))).isEqualByComparingTo(r.equals("0.93") ? "93.00" : "80.00");
            assertThat(field(e, "X33", "actualText")).isEqualTo(r.equals("0.93") ? "93.00%" : "80.00%");
            assertThat(new BigDecimal(field(e, "X33", "score"))).isEqualByComparingTo(r.equals("0.93") ? "9.30" : "8.00");
            assertThat(new BigDecimal(field(e, "X2-01", "score"))).isEqualByComparingTo("40");
            assertThat(new BigDecimal(field(e, "X3", "score"))).isEqualByComparingTo(r.equals("0.93") ? "19.30" : "18.00");
            assertThat(field(e, "X11", "scoreExplanation.ruleSetVersion")).isEqualTo(code + "/v2");
            assertThat(field(e, "X2-01", "scoreExplanation.ruleSetVersion")).isEqualTo(code + "/v2");
            // 18 + 18.60 (or 16) + 40 + 10 + 9.30 (or 8)
            assertThat(new BigDecimal(e.getString("total"))).isEqualByComparingTo(r.equals("0.93") ? "95.90" : "92.00");
            assertThat(e.getString("grade")).isEqualTo("优");
            assertThat(e.getLong("version")).isEqualTo(versions.get(id) + 1);

            List<JsonNode> scored = scoredEvents(id);
            assertThat(scored).hasSize(events.get(id) + 1);
            JsonNode last = scored.get(scored.size() - 1);
            assertThat(last.get("ruleSet").asText()).isEqualTo(code + "/v2");
            assertThat(last.get("version").asLong()).isEqualTo(versions.get(id) + 1);
            assertThat(last.get("total").decimalValue()).isEqualByComparingTo(e.getString("total"));

            List<Map<String, Object>> audit = given().auth().oauth2(finance).when()
                    .get("/api/v1/evaluations/{id}/audit?size=200", id).then().statusCode(200).extract().jsonPath()
                    .getList("items.findAll { it.action == 'RULE_SET_MIGRATED' }");
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0)).containsEntry("actor", "finance-user")
                    .containsEntry("detail", Map.of("from", code + "/v1", "to", code + "/v2"));

            // what the move wrote is what the service computes: filling in the same value again rewrites no indicator
            Map<String, String> before = writers(id);
            put(id, "X31", Map.of("yes", true));
            assertThat(writers(id)).isEqualTo(before);
        }
        assertThat(get(submitted).getString("ruleSet")).isEqualTo(code + "/v1");
    }
}
