package gov.budgetperf.report.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.common.testing.Tokens;

/**
 * The seeds reproduced end to end: the demo data goes into the real budget-service and evaluation-service, and the
 * forms and reports generated here from their APIs show the seeds' figures, read back with real readers.
 */
@QuarkusTest
class SeedFormsTest {

    @BeforeAll
    static void seeds() throws Exception {
        Fixtures.loadDemoData();
        // 增城's 部门预算资金支出率 is scored from budget.events: wait for the seed's total
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(given().baseUri(Peers.evaluation().url())
                .auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations?departmentCode=GZ-ZC-GSL&fiscalYear=2022")
                .then().statusCode(200).extract().jsonPath().getString("items[0].total")).isEqualTo("90.77"));
    }

    @Test
    void tianheFormShowsTheSeedBudgetBlockInXlsxAndPdf() throws Exception {
        long xlsx = Fixtures.departmentReport("DEPARTMENT_FORM", "XLSX", "GZ-TH-GSL", false);
        List<String> cells = Readers.xlsxCells(Fixtures.content(xlsx));
        // 部门调整预算收入 418.03, 年初预算收入 417.82, 实际支出 401.42, 调整数 0.21, 完成率 96.03%, 调整率 0.05%
        assertThat(cells).contains("广州市天河区工商业联合会", "418.03", "417.82", "401.42", "0.21", "96.03%", "0.05%",
                "单位：万元");

        long pdf = Fixtures.departmentReport("DEPARTMENT_FORM", "PDF", "GZ-TH-GSL", false);
        Readers.Pdf read = Readers.pdf(Fixtures.content(pdf));
        assertThat(read.text()).contains("部门整体支出绩效自评表", "广州市天河区工商业联合会", "418.03", "417.82", "401.42",
                "96.03%");
        assertThat(read.allEmbedded()).as("fonts %s", read.fonts()).isTrue();
        assertThat(read.fonts()).anyMatch(f -> f.matches("[A-Z]{6}\\+.*"));
    }

    @Test
    void zengchengFormShowsTheSeedScoresAndGrade() throws Exception {
        long xlsx = Fixtures.departmentReport("DEPARTMENT_FORM", "XLSX", "GZ-ZC-GSL", false);
        List<String> cells = Readers.xlsxCells(Fixtures.content(xlsx));
        assertThat(cells).contains("广州市增城区工商业联合会", "536.58", "93.00%", "90.77", "优（√）　良（ ）　中（ ）　差（ ）");

        long html = Fixtures.departmentReport("DEPARTMENT_FORM", "HTML", "GZ-ZC-GSL", false);
        byte[] bytes = Fixtures.content(html);
        org.w3c.dom.Document dom = Readers.xhtml(bytes);
        assertThat(dom.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("90.77", "优", "536.58", "93.00%");

        long pdf = Fixtures.departmentReport("DEPARTMENT_FORM", "PDF", "GZ-ZC-GSL", false);
        assertThat(Readers.pdf(Fixtures.content(pdf)).text()).contains("90.77", "部门预算资金支出率");
    }

    /**
     * The budget-linked 部门预算资金支出率 (LZ13) of 增城 is at 93 % and the department edited it (reason and measure):
     * every format of its form and the report's annexed form print its actual as "93.00%", never "0.93%".
     */
    @Test
    void zengchengBudgetLinkedActualIs9300PercentInEveryFormat() throws Exception {
        List<String> row = null;
        for (String line : Readers.xlsxRows(Fixtures.content(Fixtures.departmentReport("DEPARTMENT_FORM", "XLSX",
                "GZ-ZC-GSL", false)))) {
            if (line.contains("部门预算资金支出率")) {
                row = List.of(line.split("\t"));
            }
        }
        assertThat(row).as("the XLSX row of LZ13").isNotNull().contains("93.00%");
        String html = new String(Fixtures.content(Fixtures.departmentReport("DEPARTMENT_FORM", "HTML", "GZ-ZC-GSL",
                false)), StandardCharsets.UTF_8);
        String htmlRow = html.substring(html.indexOf("部门预算资金支出率"));
        assertThat(htmlRow.substring(0, htmlRow.indexOf("</tr>"))).contains("93.00%");
        String pdf = Readers.pdf(Fixtures.content(Fixtures.departmentReport("DEPARTMENT_FORM", "PDF", "GZ-ZC-GSL",
                false))).text();
        assertThat(pdf.lines().filter(l -> l.contains("部门预算资金支出率"))).anyMatch(l -> l.contains("93.00%"));
        String docx = Readers.docxText(Fixtures.content(Fixtures.departmentReport("DEPARTMENT_REPORT", "DOCX",
                "GZ-ZC-GSL", false)));
        assertThat(docx.lines().filter(l -> l.contains("部门预算资金支出率"))).anyMatch(l -> l.contains("93.00%"));

        // open data publishes only published evaluations (this one is not): OpenDataTest reads 93.00% from a
        // published one edited the same way
        for (String text : List.of(String.join("\t", row), html, pdf, docx)) {
            assertThat(text).doesNotContain("0.93%");
        }
    }

    @Test
    void huaduReportFollowsTheSeedOutlineWithTheFormAsAnnex() throws Exception {
        long docx = Fixtures.departmentReport("DEPARTMENT_REPORT", "DOCX", "GZ-HD-GSL", false);
        String text = Readers.docxText(Fixtures.content(docx));
        assertThat(text).contains("基本情况", "综合评价分析", "存在的主要问题", "下一步改进措施", "附件", "628.47", "616.04",
                "98.02%", "会员服务科");
        assertThat(text.indexOf("基本情况")).isLessThan(text.indexOf("综合评价分析"));

        long pdf = Fixtures.departmentReport("DEPARTMENT_REPORT", "PDF", "GZ-HD-GSL", false);
        assertThat(Readers.pdf(Fixtures.content(pdf)).text()).contains("部门整体支出绩效自评报告", "628.47", "98.02%");
    }

    @Test
    void projectFormAndReportShowTheProjectFigures() throws Exception {
        long xlsx = Fixtures.report(java.util.Map.of("type", "PROJECT_FORM", "format", "XLSX", "departmentCode",
                "GZ-TH-GSL", "projectCode", "TH-2022-GZJF", "fiscalYear", 2022)).statusCode(201).extract().jsonPath()
                .getLong("id");
        assertThat(Readers.xlsxCells(Fixtures.content(xlsx))).contains("2022年区工商联工作经费", "14.12");
        long docx = Fixtures.report(java.util.Map.of("type", "PROJECT_REPORT", "format", "DOCX", "departmentCode",
                "GZ-TH-GSL", "projectCode", "TH-2022-GZJF", "fiscalYear", 2022)).statusCode(201).extract().jsonPath()
                .getLong("id");
        assertThat(Readers.docxText(Fixtures.content(docx))).contains("2022年区工商联工作经费", "14.12");
    }

    @Test
    void regionSummaryCarriesTheFiguresAndOpenDataLeavesTheDraftOut() throws Exception {
        long pdf = Fixtures.report(java.util.Map.of("type", "REGION_SUMMARY", "format", "PDF", "region", "增城区",
                "fiscalYear", 2022)).statusCode(201).extract().jsonPath().getLong("id");
        assertThat(Readers.pdf(Fixtures.content(pdf)).text()).contains("广州市增城区工商业联合会", "93.00%", "90.77");

        // the seed's self-evaluation is not published: open data leaves it out (OpenDataTest publishes one)
        long csv = Fixtures.report(java.util.Map.of("type", "OPEN_DATA", "format", "CSV", "region", "增城区",
                "fiscalYear", 2022)).statusCode(201).extract().jsonPath().getLong("id");
        String text = new String(Fixtures.content(csv), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFregion,fiscalYear,departmentCode").doesNotContain("GZ-ZC-GSL", "90.77");
        Fixtures.report(java.util.Map.of("type", "OPEN_DATA", "format", "JSON", "region", "增城区", "departmentCode",
                "GZ-ZC-GSL", "fiscalYear", 2022)).statusCode(409);
    }

    @Test
    void generatedDocumentsRecordChecksumAndInputVersions() {
        long id = Fixtures.departmentReport("DEPARTMENT_FORM", "HTML", "GZ-ZC-GSL", false);
        var meta = Fixtures.metadata(id).extract().jsonPath();
        assertThat(meta.getString("sha256")).hasSize(64);
        assertThat(meta.getBoolean("stale")).isFalse();
        assertThat(meta.getList("inputs.kind", String.class)).contains("DEPARTMENT", "BUDGET", "EVALUATION",
                "SUBJECT_EVALUATIONS", "NARRATIVE");
        byte[] bytes = Fixtures.content(id);
        String etag = given().auth().oauth2(Tokens.finance()).when().get("/api/v1/reports/{id}/content", id).then()
                .statusCode(200).extract().header("ETag");
        assertThat(etag).contains(meta.getString("sha256"));
        assertThat(bytes).hasSize(meta.getInt("sizeBytes"));
    }
}
