package gov.budgetperf.report.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import gov.budgetperf.common.testing.Tokens;

/**
 * Open data through the public API, from evaluations moved through the real workflow: only PUBLISHED evaluations are
 * published, departments in code order and indicators in outline order, a department filter that is access-checked,
 * and the CSV's datapackage.json naming every column with its unit.
 */
@QuarkusTest
class OpenDataTest {

    static final String REGION = "开放数据区" + UUID.randomUUID().toString().substring(0, 6);
    static String first;
    static String second;
    static String draft;
    static long firstEvaluation;

    @BeforeAll
    static void departments() {
        List<String> published = new ArrayList<>(List.of(Fixtures.newDepartment(REGION), Fixtures.newDepartment(REGION)));
        // created in reverse code order, so that code order is not creation order
        published.sort(java.util.Comparator.reverseOrder());
        for (String code : published) {
            Fixtures.budget(code, "930000.00");
        }
        draft = Fixtures.newDepartment(REGION);
        Fixtures.budget(draft, "500000.00");
        first = published.get(1);
        second = published.get(0);
        publish(filledEvaluation(second), false);
        // the first stays APPROVED until a test publishes it
        firstEvaluation = filledEvaluation(first);
        publish(firstEvaluation, true);
        filledEvaluation(draft);
    }

    @Test
    void onlyPublishedDepartmentsInCodeOrderWithIndicatorsInOutlineOrder() throws Exception {
        publishApproved();
        long csv = openData("CSV", null, Tokens.finance()).statusCode(201).extract().jsonPath().getLong("id");
        List<CSVRecord> rows = csv(Fixtures.content(csv));
        List<String> codes = rows.stream().map(r -> r.get("departmentCode")).distinct().toList();
        assertThat(codes).as("published departments in code order, the draft left out").containsExactly(first, second);
        assertThat(rows).allMatch(r -> r.get("evaluationStatus").equals("PUBLISHED"));
        for (String code : codes) {
            assertOutline(rows.stream().filter(r -> r.get("departmentCode").equals(code))
                    .map(r -> new String[]{r.get("indicatorCode"), r.get("parentCode"), r.get("level")}).toList());
        }

        // the budget-linked 部门预算资金支出率 at 93 %, edited by the department (reason, measure): 93.00%, never 0.93%
        assertThat(rows.stream().filter(r -> r.get("indicatorCode").equals("LZ13")).map(r -> r.get("actual")))
                .hasSize(2).containsOnly("93.00%");
        assertThat(new String(Fixtures.content(csv), StandardCharsets.UTF_8)).doesNotContain("0.93%");

        long json = openData("JSON", null, Tokens.finance()).statusCode(201).extract().jsonPath().getLong("id");
        String jsonText = new String(Fixtures.content(json), StandardCharsets.UTF_8);
        JsonPath j = new JsonPath(jsonText);
        assertThat(j.getList("departments.indicators.flatten().findAll { it.code == 'LZ13' }.actual", String.class))
                .containsExactly("93.00%", "93.00%");
        assertThat(jsonText).doesNotContain("0.93%");
        assertThat(j.getList("departments.departmentCode", String.class)).containsExactly(first, second);
        // the totals are those of what is published: 2 × 1,000,000.00 budget, 2 × 930,000.00 spent
        assertThat(new java.math.BigDecimal(j.getString("totalAdjustedBudget"))).isEqualByComparingTo("2000000.00");
        assertThat(new java.math.BigDecimal(j.getString("totalActualExpenditure"))).isEqualByComparingTo("1860000.00");
        assertThat(new java.math.BigDecimal(j.getString("executionRate"))).isEqualByComparingTo("93.00");
        List<Map<String, Object>> indicators = j.getList("departments[0].indicators");
        assertOutline(indicators.stream().map(i -> new String[]{(String) i.get("code"),
                i.get("parentCode") == null ? "" : (String) i.get("parentCode"), String.valueOf(i.get("level"))})
                .toList());
        // a JSON document has no CSV descriptor
        given().auth().oauth2(Tokens.finance()).when().get("/api/v1/reports/{id}/datapackage.json", json).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theDataPackageNamesEveryColumnWithItsTypeAndUnit() throws Exception {
        publishApproved();
        long csv = openData("CSV", null, Tokens.finance()).statusCode(201).extract().jsonPath().getLong("id");
        byte[] bytes = Fixtures.content(csv);
        List<String> header = header(bytes);
        String body = given().auth().oauth2(Tokens.finance()).when().get("/api/v1/reports/{id}/datapackage.json", csv)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        JsonNode descriptor = new ObjectMapper().readTree(body);
        assertThat(descriptor.path("profile").asText()).isEqualTo("fiscal-data-package");
        assertThat(descriptor.path("name").asText()).matches("^[a-z0-9._-]+$");
        assertThat(descriptor.path("fiscalPeriod").path("start").asText()).isEqualTo("2022-01-01");
        JsonNode resource = descriptor.path("resources").get(0);
        assertThat(resource.path("path").asText()).isEqualTo("content");
        assertThat(resource.path("mediatype").asText()).isEqualTo("text/csv");
        assertThat(resource.path("bytes").asLong()).isEqualTo(bytes.length);
        assertThat(resource.path("hash").asText())
                .isEqualTo("sha256:" + Fixtures.metadata(csv).extract().jsonPath().getString("sha256"));
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        resource.path("schema").path("fields").forEach(f -> fields.put(f.path("name").asText(), f));
        assertThat(new ArrayList<>(fields.keySet())).as("every CSV column, in order").isEqualTo(header);
        for (JsonNode f : fields.values()) {
            assertThat(f.path("type").asText()).isIn("string", "number", "integer", "boolean", "year");
            assertThat(f.path("title").asText()).isNotBlank();
            if (f.path("type").asText().equals("number")) {
                assertThat(f.path("unit").asText()).as("unit of %s", f.path("name")).isIn("CNY", "percent", "point");
            }
        }
        for (String amount : List.of("adjustedBudget", "actualExpenditure")) {
            assertThat(fields.get(amount).path("unit").asText()).isEqualTo("CNY");
            assertThat(fields.get(amount).path("currency").asText()).isEqualTo("CNY");
            assertThat(descriptor.path("model").path("measures").path(amount).path("currency").asText())
                    .isEqualTo("CNY");
        }
        assertThat(fields.get("executionRate").path("unit").asText()).isEqualTo("percent");
        assertThat(fields.get("score").path("unit").asText()).isEqualTo("point");
        // the values fit the declared types
        for (CSVRecord r : csv(bytes)) {
            for (JsonNode f : fields.values()) {
                String v = r.get(f.path("name").asText());
                if (v.isEmpty()) {
                    continue;
                }
                switch (f.path("type").asText()) {
                    case "number" -> new java.math.BigDecimal(v);
                    case "integer", "year" -> Long.parseLong(v);
                    case "boolean" -> assertThat(v).isIn("true", "false");
                    default -> {
                    }
                }
            }
        }
        // an auditor reads it too
        given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/reports/{id}/datapackage.json", csv).then()
                .statusCode(200);
    }

    @Test
    void oneDepartmentsOpenDataIsFilteredAndAccessChecked() throws Exception {
        publishApproved();
        // finance: one department's rows only
        long id = openData("CSV", second, Tokens.finance()).statusCode(201).extract().jsonPath().getLong("id");
        assertThat(csv(Fixtures.content(id))).isNotEmpty().allMatch(r -> r.get("departmentCode").equals(second));
        // a department that is not in the region: 404; one whose evaluation is a draft: 409 naming the status
        openData("CSV", "NO-SUCH-DEPT", Tokens.finance()).statusCode(404).contentType("application/problem+json");
        assertThat(openData("JSON", draft, Tokens.finance()).statusCode(409).contentType("application/problem+json")
                .extract().asString()).contains("DRAFT");

        // a department publishes its own, reads it and its descriptor; another department does not see it
        long own = openData("JSON", first, Tokens.department(first)).statusCode(201).extract().jsonPath().getLong("id");
        JsonPath j = new JsonPath(given().auth().oauth2(Tokens.department(first)).when()
                .get("/api/v1/reports/{id}/content", own).then().statusCode(200).extract().asString());
        assertThat(j.getString("departmentCode")).isEqualTo(first);
        assertThat(j.getList("departments.departmentCode", String.class)).containsExactly(first);
        given().auth().oauth2(Tokens.department(second)).when().get("/api/v1/reports/{id}/content", own).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.department(second)).when().get("/api/v1/reports/{id}", own).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.department(first)).when().post("/api/v1/reports/{id}/regenerate", own).then()
                .statusCode(200);
        long ownCsv = openData("CSV", first, Tokens.department(first)).statusCode(201).extract().jsonPath()
                .getLong("id");
        given().auth().oauth2(Tokens.department(first)).when().get("/api/v1/reports/{id}/datapackage.json", ownCsv)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.department(second)).when().get("/api/v1/reports/{id}/datapackage.json", ownCsv)
                .then().statusCode(404);
        // nor may it publish another's, or the whole region's
        openData("CSV", second, Tokens.department(first)).statusCode(403);
        openData("CSV", null, Tokens.department(first)).statusCode(403);
        // the region's open data is no department's
        given().auth().oauth2(Tokens.department(first)).when()
                .get("/api/v1/reports/{id}/content",
                        openData("CSV", null, Tokens.finance()).statusCode(201).extract().jsonPath().getLong("id"))
                .then().statusCode(404);
    }

    @Test
    void anEvaluationIsPublishedOnlyOnceItIsPublished() {
        // the draft department is not in the region's open data, and asked for alone it is a 409
        long id = openData("CSV", null, Tokens.finance()).statusCode(201).extract().jsonPath().getLong("id");
        assertThat(new String(Fixtures.content(id), StandardCharsets.UTF_8)).doesNotContain(draft);
        openData("CSV", draft, Tokens.finance()).statusCode(409);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The first department's evaluation waits APPROVED until a test needs it PUBLISHED: the step shows the change. */
    private static synchronized void publishApproved() {
        String status = evaluation().when().get("/api/v1/evaluations/{id}", firstEvaluation).then().statusCode(200)
                .extract().jsonPath().getString("status");
        if (status.equals("PUBLISHED")) {
            return;
        }
        // approved is not published: asked for alone, it is a 409
        assertThat(openData("CSV", first, Tokens.finance()).statusCode(409).extract().asString()).contains("APPROVED");
        step(firstEvaluation, "publish");
    }

    private static io.restassured.response.ValidatableResponse openData(String format, String department,
            String token) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", "OPEN_DATA", "format", format, "region", REGION,
                "fiscalYear", 2022));
        if (department != null) {
            body.put("departmentCode", department);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/reports")
                .then();
    }

    /** Each row's parent comes before it, and the rows under one 一级指标 are contiguous. */
    private static void assertOutline(List<String[]> rows) {
        assertThat(rows).hasSizeGreaterThan(10);
        Set<String> seen = new HashSet<>();
        List<String> level1Blocks = new ArrayList<>();
        Map<String, String> parents = new LinkedHashMap<>();
        for (String[] r : rows) {
            parents.put(r[0], r[1]);
        }
        for (String[] r : rows) {
            if (!r[1].isEmpty()) {
                assertThat(seen).as("parent %s before %s", r[1], r[0]).contains(r[1]);
            }
            seen.add(r[0]);
            String root = r[0];
            while (!parents.getOrDefault(root, "").isEmpty()) {
                root = parents.get(root);
            }
            if (level1Blocks.isEmpty() || !level1Blocks.get(level1Blocks.size() - 1).equals(root)) {
                level1Blocks.add(root);
            }
        }
        assertThat(level1Blocks).as("each 一级指标 one block").doesNotHaveDuplicates();
        assertThat(rows.get(0)[2]).isEqualTo("1");
    }

    private static List<CSVRecord> csv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }

    private static List<String> header(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getHeaderNames();
    }

    private static io.restassured.specification.RequestSpecification evaluation() {
        return given().baseUri(Peers.evaluation().url()).auth().oauth2(Tokens.finance());
    }

    /** A 2022 self-evaluation filled in as the 增城 seed's (scripts/demo-data.sh), left DRAFT. */
    private static long filledEvaluation(String code) {
        long id = evaluation().contentType(ContentType.JSON).body(Map.of("subjectType", "DEPARTMENT", "departmentCode",
                code, "fiscalYear", 2022, "ruleSetCode", "GZ-DEPT-COMMON")).when().post("/api/v1/evaluations").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        fill(id, "LZ11", Map.of("band", "PARTIAL", "proposedScore", 12.5, "reason", "培训人数未达目标。", "measure",
                "加强项目进度管理"));
        fill(id, "LZ12", Map.of("band", "ACHIEVED", "proposedScore", 20));
        fill(id, "LZ13", Map.of("reason", "年度平均执行率低于100%", "measure", "加快资金支付"));
        for (String c : List.of("GL11", "GL21", "GL22", "GL31", "GL32", "GL41", "GL42", "GL43", "GL51", "GL52", "GL53",
                "GL54", "GL56", "GL61", "GL62", "GL63", "GL64", "GL65", "GL66", "GL72")) {
            fill(id, c, Map.of("yes", true));
        }
        fill(id, "GL55", Map.of("yes", false, "proposedScore", 2, "justification", "合同延期盖章", "reason", "合同延期盖章",
                "measure", "督促供应商线上签章"));
        fill(id, "GL57", Map.of("proposedScore", 0.97, "justification", "预算资金支出率非100%", "reason", "预算资金支出率非100%",
                "measure", "精准预算项目与金额"));
        return id;
    }

    private static void fill(long id, String indicator, Map<String, Object> body) {
        evaluation().contentType(ContentType.JSON).header("If-Match", etag(id)).body(body).when()
                .put("/api/v1/evaluations/{id}/indicators/{c}", id, indicator).then().statusCode(200);
    }

    private static String etag(long id) {
        return evaluation().when().get("/api/v1/evaluations/{id}", id).then().statusCode(200).extract().header("ETag");
    }

    /** Submit (once the budget-linked indicators are scored from budget.events), approve and maybe publish. */
    private static void publish(long id, boolean stopAtApproved) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var r = evaluation().header("If-Match", etag(id)).when().post("/api/v1/evaluations/{id}/submit", id).then()
                    .extract();
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        });
        step(id, "approve");
        if (!stopAtApproved) {
            step(id, "publish");
        }
    }

    private static void step(long id, String step) {
        evaluation().header("If-Match", etag(id)).when().post("/api/v1/evaluations/{id}/" + step, id).then()
                .statusCode(200);
    }
}
