package gov.budgetperf.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.openhtmltopdf.util.Diagnostic;

import gov.budgetperf.report.content.ReportData.DepartmentReport;
import gov.budgetperf.report.content.ReportData.Evaluation;
import gov.budgetperf.report.content.ReportData.Indicator;
import gov.budgetperf.report.content.SampleData;
import gov.budgetperf.report.content.SectionKey;

/**
 * The PDFs of every document type, read back with PDFBox: the Chinese text and the figures extract as written (so no
 * glyph went missing: a missing one prints as "#"), every font is embedded as a subset, forms are landscape and
 * reports portrait, long tables repeat their header on each page, pages are numbered.
 */
class PdfRendererTest {

    private static final Logger LOG = Logger.getLogger(PdfRendererTest.class);
    private static final HtmlDocuments HTML = new HtmlDocuments(HtmlTemplates.standaloneEngine());
    private static final PdfRenderer PDF = new PdfRenderer();

    @Test
    void departmentFormPrintsTheSeedFiguresInChinese() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(render(HTML.departmentForm(SampleData.tianheReport())))) {
            String text = text(pdf);

            assertPrints(text, "部门整体支出绩效自评表", "单位：万元", "部门名称（汇总）", "广州市天河区工商业联合会", "被评价年度", "2022年",
                    "部门资金情况", "部门调整预算收入", "418.03", "部门年初预算收入", "417.82", "实际支出数", "401.42", "年度预算调整数", "0.21",
                    "其中：一般公共预算", "预算完成率", "96.03%", "预算调整率", "0.05%", "部门整体支出的预期目标", "部门整体支出的目标完成情况",
                    "聚焦“两个健康”工作主题，持续强化思想政治引领。", "任务4 推动党建工作提质扩面", "9.96", "一级指标", "三级指标", "年度指标值",
                    "实际完成值", "未达标原因", "改进措施", "履职效能", "重点工作任务完成率", "≥100%", "受疫情影响，部分活动延期", "总分", "90.77",
                    "评价等级", "优", "第 1 页 / 共 1 页");
            assertFullyEmbedded(pdf);
            assertThat(pdf.getPages()).allSatisfy(page -> assertThat(landscape(page)).as("landscape").isTrue());
        }
    }

    @Test
    void departmentReportHasTheOutlineAndTheFormAsAnnex() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(render(HTML.departmentReport(SampleData.tianheReport())))) {
            String text = text(pdf);

            assertPrints(text, "2022年度广州市天河区工商业联合会", "部门整体支出绩效自评报告", "一、基本情况", "（一）部门概况", "1.主要职责",
                    "天河区工商联是党领导的以非公有制企业和非公有制经济人士为主体的人民团体和商会组织。", "（三）部门整体收支情况", "部门调整预算收入 418.03 万元",
                    "预算完成率 96.03%", "二、综合评价分析", "得分为 90.77 分，评价等级为“优”", "2022年区工商联工作经费", "100.00%",
                    "三、存在的主要问题", "（一）因疫情影响，启动时间滞后。", "四、下一步改进措施", "五、附件", "部门整体支出绩效自评表");
            assertFullyEmbedded(pdf);
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(landscape(pdf.getPage(0))).isFalse();
            // The annex starts on a page of its own.
            String last = text(pdf, pdf.getNumberOfPages(), pdf.getNumberOfPages());
            assertPrints(last, "部门整体支出绩效自评表", "418.03", "90.77");
            assertPrints(text(pdf, 1, 1), "第 1 页 / 共 " + pdf.getNumberOfPages() + " 页");
        }
    }

    @Test
    void projectFormAndReportPrint() throws IOException {
        try (PDDocument form = Loader.loadPDF(render(HTML.projectForm(SampleData.projectReport())))) {
            assertPrints(text(form), "项目支出绩效自评表", "2022年区工商联工作经费", "TH-2022-GZJF", "一级项目", "年初预算数", "14.12",
                    "100.00%", "履职效能", "90.77");
            assertFullyEmbedded(form);
            assertThat(landscape(form.getPage(0))).isTrue();
        }
        try (PDDocument report = Loader.loadPDF(render(HTML.projectReport(SampleData.projectReport())))) {
            assertPrints(text(report), "2022年区工商联工作经费绩效评价报告", "一、项目概况", "（一）项目背景", "为保障区工商联正常履职，安排年度工作经费。",
                    "项目年初预算 14.12 万元", "预算执行率 100.00%", "三、评价结论", "项目绩效得分为 90.77 分", "服务对象满意度", "97.8%", "24.45");
            assertFullyEmbedded(report);
            assertThat(landscape(report.getPage(0))).isFalse();
        }
    }

    @Test
    void regionSummaryPrintsFiguresAndCharts() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(render(HTML.regionSummary(SampleData.regionSummary())))) {
            assertPrints(text(pdf), "广州市2022年度部门整体支出绩效汇总", "1454.61", "1390.54", "95.59%", "预算执行率",
                    "广州市花都区工商业联合会", "98.02%", "评价等级分布", "监控预警", "绿灯：2 个", "部门排名", "已发布");
            assertFullyEmbedded(pdf);
        }
    }

    @Test
    void longIndicatorTablesRepeatTheirHeaderOnEveryPage() throws IOException {
        DepartmentReport sample = SampleData.tianheReport();
        List<Indicator> nodes = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            nodes.add(new Indicator("L" + i, null, 1, "一级指标第" + i + "项", BigDecimal.TEN, "", "", null, "", "", false,
                    false));
            for (int j = 1; j <= 8; j++) {
                nodes.add(new Indicator("L" + i + "-" + j, "L" + i, 3, "三级指标第" + i + "-" + j + "项", BigDecimal.ONE,
                        "≥" + j + "0%", j + "0%", BigDecimal.ONE, "原因说明较长的一段文字用于测试换行效果", "改进措施", false, true));
            }
        }
        Evaluation big = new Evaluation(1, 1, "SELF", "SUBMITTED", "X/v1", new BigDecimal("88.50"), "良", true, nodes);
        DepartmentReport r = new DepartmentReport(sample.department(), 2022, sample.asOf(), sample.budget(), big,
                sample.narratives(), sample.tasks(), sample.projects(), sample.generatedAt());

        try (PDDocument pdf = Loader.loadPDF(render(HTML.departmentForm(r)))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            for (int page = 2; page <= pdf.getNumberOfPages(); page++) {
                assertPrints(text(pdf, page, page), "一级指标", "三级指标", "年度指标值", "得分",
                        "第 " + page + " 页");
            }
            assertPrints(text(pdf), "三级指标第6-8项", "88.50", "部分指标不适用");
        }
    }

    @Test
    void longNarrativesBreakInsideTheirRowInsteadOfLeavingAPageEmpty() throws IOException {
        DepartmentReport sample = SampleData.tianheReport();
        Map<SectionKey, String> narratives = new EnumMap<>(SectionKey.class);
        StringBuilder goals = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            goals.append(i).append(".第").append(i).append("项年度绩效目标，引导民营企业加强疫情防控意识，做好疫情防控宣传工作。\n");
        }
        narratives.put(SectionKey.ANNUAL_GOALS, goals.toString());
        DepartmentReport r = new DepartmentReport(sample.department(), 2022, sample.asOf(), sample.budget(),
                sample.evaluation(), narratives, sample.tasks(), sample.projects(), sample.generatedAt());

        try (PDDocument pdf = Loader.loadPDF(render(HTML.departmentForm(r)))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertPrints(text(pdf, 1, 1), "部门资金情况", "1.第1项年度绩效目标");
            assertPrints(text(pdf), "40.第40项年度绩效目标", "总分", "90.77");
        }
    }

    @Test
    void nothingIsReportedAboveInfo() {
        List<String> reported = new ArrayList<>();
        String html = HTML.departmentReport(SampleData.tianheReport());
        PDF.fromHtml(html, d -> keepWarnings(d, reported));
        PDF.fromHtml(HTML.regionSummary(SampleData.regionSummary()), d -> keepWarnings(d, reported));
        // No CSS declaration ignored, no resource refused, no font failing to load.
        assertThat(reported).isEmpty();
        assertThat(PdfFonts.missing(html)).isEmpty();
    }

    @Test
    void charactersWithoutAGlyphAreNamed() {
        assertThat(PdfFonts.missing("部门 418.03 96.03% “两个健康” ≥90% —")).isEmpty();
        assertThat(PdfFonts.missing("☑优 □良")).isEqualTo("☑(U+2611)");
    }

    @Test
    void rendersConcurrently() throws Exception {
        String html = HTML.departmentForm(SampleData.tianheReport());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<byte[]>> pdfs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pdfs.add(pool.submit(() -> PDF.fromHtml(html)));
            }
            for (Future<byte[]> f : pdfs) {
                try (PDDocument pdf = Loader.loadPDF(f.get())) {
                    assertPrints(text(pdf), "部门整体支出绩效自评表", "418.03", "90.77");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Logs how long a warm department report takes (HTML and PDF); asserts nothing about time. */
    @Test
    void warmDepartmentReportTiming() throws IOException {
        DepartmentReport r = SampleData.tianheReport();
        for (int i = 0; i < 3; i++) {
            PDF.fromHtml(HTML.departmentReport(r));
        }
        int runs = 5;
        long start = System.nanoTime();
        byte[] pdf = null;
        for (int i = 0; i < runs; i++) {
            pdf = PDF.fromHtml(HTML.departmentReport(r));
        }
        long perRun = (System.nanoTime() - start) / runs / 1_000_000;
        LOG.infof("warm department report (HTML + PDF, %d pages, %d bytes): %d ms per document", pages(pdf), pdf.length,
                perRun);
        assertThat(pdf).isNotEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] render(String html) {
        byte[] pdf = PDF.fromHtml(html);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        return pdf;
    }

    private static String text(PDDocument pdf) throws IOException {
        return text(pdf, 1, pdf.getNumberOfPages());
    }

    private static String text(PDDocument pdf, int first, int last) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(first);
        stripper.setEndPage(last);
        String text = stripper.getText(pdf);
        // A character no font has would print as "#": there is none in the sample data.
        assertThat(text).as("text of pages %d-%d", first, last).doesNotContain("#");
        return text;
    }

    /**
     * The text contains each string; whitespace is ignored on both sides, as table cells wrap their text over lines
     * and the stripper puts spaces between cells.
     */
    private static void assertPrints(String text, String... expected) {
        String flat = text.replaceAll("\\s+", "");
        for (String e : expected) {
            assertThat(flat).as("printed text").contains(e.replaceAll("\\s+", ""));
        }
    }

    private static int pages(byte[] bytes) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return pdf.getNumberOfPages();
        }
    }

    private static boolean landscape(PDPage page) {
        PDRectangle box = page.getMediaBox();
        return box.getWidth() > box.getHeight();
    }

    /** Every font of every page is embedded as a subset (ABCDEF+Name), and the two expected ones are there. */
    private static void assertFullyEmbedded(PDDocument pdf) throws IOException {
        List<String> names = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
                assertThat(font.getName()).as("subset font name").matches("[A-Z]{6}\\+.+");
                names.add(font.getName().substring(7));
            }
        }
        assertThat(names).contains("DroidSansFallback", "LiberationSans");
    }

    private static void keepWarnings(Diagnostic d, List<String> reported) {
        if (d.getLevel().intValue() > Level.INFO.intValue()) {
            reported.add(d.getLevel() + " " + d.getFormattedMessage());
        }
    }
}
