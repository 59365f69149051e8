package gov.budgetperf.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import gov.budgetperf.report.content.ReportData.DepartmentReport;
import gov.budgetperf.report.content.ReportData.Evaluation;
import gov.budgetperf.report.content.ReportData.Indicator;
import gov.budgetperf.report.content.ReportData.Project;
import gov.budgetperf.report.content.ReportData.ProjectReport;
import gov.budgetperf.report.content.ReportData.RegionSummary;
import gov.budgetperf.report.content.SampleData;
import gov.budgetperf.report.content.SectionKey;

/**
 * The HTML documents on a standalone Qute engine loading the same classpath templates as Quarkus: each parses as XML
 * (what openhtmltopdf needs), prints the seeds' figures through Figures, and its tables are rectangular once rowspans and
 * colspans are counted. HTML5 validity itself is checked by scripts/render-samples.sh with the Nu validator (too heavy
 * a test dependency); the checks here cover what the templates can get wrong.
 */
class HtmlDocumentsTest {

    private static final HtmlDocuments HTML = new HtmlDocuments(HtmlTemplates.standaloneEngine());

    @Test
    void departmentFormIsXhtmlWithTheSeedFigures() throws Exception {
        String html = HTML.departmentForm(SampleData.tianheReport());
        Document doc = xml(html);

        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(xpath(doc, "/html/@lang")).isEqualTo("zh-CN");
        assertThat(xpath(doc, "/html/head/meta/@charset")).isEqualTo("UTF-8");
        assertThat(xpath(doc, "/html/head/title")).isEqualTo("2022年度广州市天河区工商业联合会部门整体支出绩效自评表");
        assertThat(xpath(doc, "//h1")).isEqualTo("部门整体支出绩效自评表");
        assertThat(text(doc)).contains("单位：万元", "广州市天河区工商业联合会", "2022年");
        // The 部门资金情况 block, cell next to its caption, as the 天河 seed prints it.
        assertThat(cellAfter(doc, "部门调整预算收入")).isEqualTo("418.03");
        assertThat(cellAfter(doc, "部门年初预算收入")).isEqualTo("417.82");
        assertThat(cellAfter(doc, "实际支出数")).isEqualTo("401.42");
        assertThat(cellAfter(doc, "年度预算调整数")).isEqualTo("0.21");
        assertThat(cellAfter(doc, "其中：一般公共预算")).isEqualTo("401.42");
        assertThat(cellAfter(doc, "预算完成率")).isEqualTo("96.03%");
        assertThat(cellAfter(doc, "预算调整率")).isEqualTo("0.05%");
        assertThat(xpath(doc, "//th[normalize-space()='部门资金情况']/@rowspan")).isEqualTo("4");
        // 年度目标: goals left, achievement right, one block per line of the narrative.
        assertThat(xpath(doc, "//th[normalize-space()='年度目标']/@rowspan")).isEqualTo("2");
        assertThat(xpath(doc, "count(//td[div='1.强化思想政治引领，深入开展民营经济人士理想信念教育。']/div)")).isEqualTo("2");
        assertThat(text(doc)).contains("聚焦“两个健康”工作主题，持续强化思想政治引领。");
        // 主要任务: a header row and one row per task; funds in 万元.
        assertThat(xpath(doc, "//th[normalize-space()='主要任务']/@rowspan")).isEqualTo("3");
        assertThat(xpath(doc, "//tr[td='任务4 推动党建工作提质扩面']/td[6]")).isEqualTo("9.96");
        // 总分 and 评价等级 with 优 ticked.
        assertThat(cellAfter(doc, "总分")).isEqualTo("90.77");
        assertThat(xpath(doc, "//span[contains(@class,'mark')][normalize-space()='√']/following-sibling::text()[1]"))
                .isEqualTo("优");
        assertThat(xpath(doc, "count(//span[contains(@class,'mark')])")).isEqualTo("4");
        assertThat(text(doc)).contains("数据截至 2022-12-31", "预算数据版本 7", "评价编号 42 第 37 版（已发布）", "生成于 2023-03-01 09:00");
        assertTablesRectangular(doc);
    }

    @Test
    void departmentFormMergesTheIndicatorTree() throws Exception {
        Document doc = xml(HTML.departmentForm(SampleData.tianheReport()));

        assertThat(headers(doc, "一级指标")).containsExactly("一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "年度指标值",
                "实际完成值", "得分", "未达标原因", "改进措施");
        // A level-1 cell spans its leaves, and so does its weight; a level-2 cell spans its own.
        assertThat(xpath(doc, "//td[normalize-space()='履职效能']/@rowspan")).isEqualTo("3");
        assertThat(xpath(doc, "//td[normalize-space()='履职效能']/following-sibling::td[1]")).isEqualTo("50");
        assertThat(xpath(doc, "//td[normalize-space()='履职效能']/following-sibling::td[1]/@rowspan")).isEqualTo("3");
        assertThat(xpath(doc, "//td[normalize-space()='管理效率']/@rowspan")).isEqualTo("2");
        assertThat(xpath(doc, "//td[normalize-space()='部门履职目标']/@rowspan")).isEqualTo("2");
        assertThat(xpath(doc, "//td[normalize-space()='部门效果目标']/@rowspan")).isEqualTo("1");
        assertThat(xpath(doc, "//td[normalize-space()='预算编制']/@rowspan")).isEqualTo("1");
        // The leaves: weight, 年度指标值, 实际完成值, 得分, 未达标原因, 改进措施.
        assertThat(xpath(doc, "count(//table[contains(@class,'indicators')]/tbody/tr[td])")).isEqualTo("7");
        assertThat(rowAfter(doc, "重点工作任务完成率")).containsExactly("10", "≥100%", "95%", "9.50", "受疫情影响，部分活动延期",
                "提前谋划，做好应急预案");
        assertThat(rowAfter(doc, "商会换届完成率")).containsExactly("15", "=100%", "100%", "11.82", "部分镇街商会换届延后", "加强指导");
        assertThat(rowAfter(doc, "内控制度健全性")).containsExactly("30", "健全", "基本健全", "25.00", "个别制度未及时修订", "完善内控制度");
        // The second leaf of 部门履职目标 writes neither the level-1 nor the level-2 cells again.
        assertThat(xpath(doc, "count(//tr[td='商会换届完成率']/td)")).isEqualTo("7");
        assertThat(xpath(doc, "count(//tr[td='重点工作任务完成率']/td)")).isEqualTo("11");
    }

    @Test
    void departmentReportFollowsTheHuaduOutlineWithTheFormAsAnnex() throws Exception {
        String html = HTML.departmentReport(SampleData.tianheReport());
        Document doc = xml(html);

        assertThat(xpath(doc, "/html/head/title")).isEqualTo("2022年度广州市天河区工商业联合会部门整体支出绩效自评报告");
        assertThat(all(doc, "//h1")).containsExactly("2022年度广州市天河区工商业联合会部门整体支出绩效自评报告", "部门整体支出绩效自评表");
        assertThat(all(doc, "//h2")).containsExactly("一、基本情况", "二、综合评价分析", "三、存在的主要问题", "四、下一步改进措施", "五、附件");
        assertThat(all(doc, "//h3")).containsExactly("（一）部门概况", "（二）年度总体工作和重点工作任务", "（三）部门整体收支情况",
                "（四）部门整体绩效管理情况", "（一）自评结论综述", "（二）各项工作任务绩效目标完成情况分析", "（三）各重点任务项目支出完成情况分析",
                "（四）主要工作成效");
        assertThat(all(doc, "//h4")).containsExactly("1.主要职责", "2.机构设置");
        String text = text(doc);
        assertThat(text).contains("天河区工商联是党领导的以非公有制企业和非公有制经济人士为主体的人民团体和商会组织。", "内设办公室、会员部、经济部。");
        // 部门整体收支情况, generated from the budget figures.
        assertThat(text).contains("2022年，部门调整预算收入 418.03 万元，其中年初预算收入 417.82 万元，年度预算调整数 0.21 万元，预算调整率 0.05%。",
                "全年实际支出 401.42 万元（其中：一般公共预算 401.42 万元），预算完成率 96.03%。",
                "实际支出中，基本支出 387.30 万元（人员经费 270.00 万元、公用经费 117.30 万元），项目支出 14.12 万元。", "年末结转结余 16.61 万元。",
                "“三公”经费预算 5.00 万元，实际支出 1.20 万元。");
        // 自评结论 with total and grade.
        assertThat(text).contains("经自评，部门整体支出绩效自评得分为 90.77 分，评价等级为“优”。");
        // 重点项目 table.
        assertThat(rowAfter(doc, "2022年区工商联工作经费")).containsExactly("14.12", "14.12", "100.00%");
        // Problems and measures, a paragraph per line; sections not written are marked.
        assertThat(all(doc, "//h2[.='三、存在的主要问题']/following-sibling::div[1]/p")).containsExactly("（一）因疫情影响，启动时间滞后。",
                "（二）项目预算不够精准。");
        assertThat(all(doc, "//h3[.='（二）年度总体工作和重点工作任务']/following-sibling::*[1]")).containsExactly("（未填写）");
        // 附件: the whole form, after a page break.
        assertThat(xpath(doc, "//div[@class='page-break']//h1")).isEqualTo("部门整体支出绩效自评表");
        assertThat(xpath(doc, "//div[@class='page-break']//td[normalize-space()='履职效能']/@rowspan")).isEqualTo("3");
        assertThat(cellAfter(doc, "部门调整预算收入")).isEqualTo("418.03");
        assertTablesRectangular(doc);
    }

    @Test
    void projectFormHasTheFundsAndTheIndicatorTable() throws Exception {
        Document doc = xml(HTML.projectForm(SampleData.projectReport()));

        assertThat(xpath(doc, "//h1")).isEqualTo("项目支出绩效自评表");
        assertThat(cellAfter(doc, "项目名称")).isEqualTo("2022年区工商联工作经费");
        assertThat(cellAfter(doc, "项目编码")).isEqualTo("TH-2022-GZJF");
        assertThat(cellAfter(doc, "主管部门")).isEqualTo("广州市天河区工商业联合会");
        assertThat(cellAfter(doc, "项目级次")).isEqualTo("一级项目");
        assertThat(cellAfter(doc, "资金来源")).isEqualTo("一般公共预算");
        assertThat(all(doc, "//tr[th='年初预算数']/following-sibling::tr[1]/td")).containsExactly("14.12", "0.00", "0.00",
                "0.00", "14.12", "14.12", "100.00%");
        assertThat(text(doc)).contains("项目总体完成较好。");
        assertThat(xpath(doc, "//td[normalize-space()='履职效能']/@rowspan")).isEqualTo("3");
        assertThat(cellAfter(doc, "总分")).isEqualTo("90.77");
        assertTablesRectangular(doc);
    }

    @Test
    void projectReportHasTheOverviewConclusionAndIndicatorTable() throws Exception {
        Document doc = xml(HTML.projectReport(SampleData.projectReport()));

        assertThat(xpath(doc, "//h1")).isEqualTo("2022年区工商联工作经费绩效评价报告");
        assertThat(xpath(doc, "//p[@class='subtitle']")).isEqualTo("2022年度 · 广州市天河区工商业联合会");
        assertThat(all(doc, "//h2")).containsExactly("一、项目概况", "二、绩效评价工作概况", "三、评价结论", "四、存在的主要问题", "五、下一步改进措施");
        assertThat(all(doc, "//h3")).containsExactly("（一）项目背景", "（二）立项依据", "（三）项目绩效目标", "（四）项目资金安排及使用情况",
                "（五）项目组织实施情况");
        String text = text(doc);
        assertThat(text).contains("为保障区工商联正常履职，安排年度工作经费。",
                "2022年，项目年初预算 14.12 万元，本年追加 0.00 万元，调减 0.00 万元，调出 0.00 万元，全年预算 14.12 万元。",
                "实际执行 14.12 万元，预算执行率 100.00%。资金来源为一般公共预算。", "经自评，项目绩效得分为 90.77 分，评价等级为“优”。", "项目总体完成较好。");
        assertThat(headers(doc, "一级指标")).containsExactly("一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分");
        assertThat(xpath(doc, "//td[normalize-space()='履职效能']/@rowspan")).isEqualTo("3");
        assertThat(xpath(doc, "//td[normalize-space()='部门履职目标']/@rowspan")).isEqualTo("2");
        assertThat(rowAfter(doc, "服务对象满意度")).containsExactly("25", "≥90%", "97.8%", "24.45");
        assertThat(cellAfter(doc, "总分")).isEqualTo("90.77");
        assertThat(cellAfter(doc, "评价等级")).isEqualTo("优");
        assertTablesRectangular(doc);
    }

    @Test
    void regionSummaryHasFiguresRankingAndCharts() throws Exception {
        Document doc = xml(HTML.regionSummary(SampleData.regionSummary()));

        assertThat(xpath(doc, "//h1")).isEqualTo("广州市2022年度部门整体支出绩效汇总");
        assertThat(all(doc, "//table[@class='figures']//span[@class='figure']")).containsExactly("3", "1454.61", "1390.54",
                "95.59%");
        // Ranking: rank, name, 万元, rate, score, grade, light, status.
        assertThat(all(doc, "//table[contains(@class,'ranking')]/tbody/tr[1]/td")).containsExactly("1", "广州市花都区工商业联合会",
                "500.00", "490.10", "98.02%", "95.10", "优", "绿灯", "已发布");
        assertThat(all(doc, "//table[contains(@class,'ranking')]/tbody/tr[3]/td")).containsExactly("3", "广州市天河区工商业联合会",
                "418.03", "401.42", "96.03%", "85.00", "良", "黄灯", "已提交");
        // Bar chart of execution rates: one bar per department and the total, as long as the rate.
        assertThat(all(doc, "//table[@class='chart']//td[@class='label']")).containsExactly("广州市花都区工商业联合会",
                "广州市增城区工商业联合会", "广州市天河区工商业联合会", "合计");
        assertThat(all(doc, "//table[@class='chart']//div/@style")).containsExactly("width: 98.02%", "width: 93%",
                "width: 96.03%", "width: 95.59%");
        assertThat(all(doc, "//table[@class='chart']//td[@class='value']")).containsExactly("98.02%", "93.00%", "96.03%",
                "95.59%");
        // Grade distribution as columns, heights relative to the largest count.
        assertThat(all(doc, "//table[contains(@class,'columns')]//div[@class='count']")).containsExactly("2", "1", "0", "0");
        assertThat(all(doc, "//table[contains(@class,'columns')]//div[contains(@class,'bar')]/@style"))
                .containsExactly("height: 80.0pt", "height: 40.0pt", "height: 0.8pt", "height: 0.8pt");
        assertThat(all(doc, "//table[contains(@class,'columns')]//tr[@class='axis']/td")).containsExactly("优", "良", "中", "差");
        assertThat(all(doc, "//table[contains(@class,'lights')]//td")).containsExactly("绿灯：2 个", "黄灯：1 个", "红灯：0 个");
        assertTablesRectangular(doc);
    }

    @Test
    void missingBudgetEvaluationAndNarrativesPrintEmptyCells() throws Exception {
        DepartmentReport sample = SampleData.tianheReport();
        DepartmentReport bare = new DepartmentReport(sample.department(), 2023, null, null, null, null, null, null, null);

        Document form = xml(HTML.departmentForm(bare));
        assertThat(cellAfter(form, "部门调整预算收入")).isEmpty();
        assertThat(cellAfter(form, "预算完成率")).isEmpty();
        assertThat(cellAfter(form, "总分")).isEmpty();
        assertThat(text(form)).contains("（暂无评价数据）", "（无）").doesNotContain("null", "NOT_FOUND");
        assertThat(xpath(form, "count(//span[contains(@class,'mark')][normalize-space()='√'])")).isEqualTo("0");
        assertTablesRectangular(form);

        Document report = xml(HTML.departmentReport(bare));
        assertThat(text(report)).contains("（暂无预算数据）", "尚无部门整体支出绩效自评结果。").doesNotContain("null", "NOT_FOUND");
        assertTablesRectangular(report);

        ProjectReport projectSample = SampleData.projectReport();
        Project emptyProject = new Project("P", "空项目", 0, null, null, 0, null, null, null, null, null, null, null);
        ProjectReport bareProject = new ProjectReport(projectSample.department(), 2023, null, emptyProject, null, Map.of(),
                null);
        assertThat(text(xml(HTML.projectForm(bareProject)))).doesNotContain("null", "NOT_FOUND");
        assertThat(text(xml(HTML.projectReport(bareProject)))).contains("尚无项目绩效结果。").doesNotContain("null", "NOT_FOUND");

        RegionSummary bareRegion = new RegionSummary("广州市", 2023, null, List.of(), null, null, null, null, null, null);
        Document region = xml(HTML.regionSummary(bareRegion));
        assertThat(text(region)).contains("（暂无部门数据）").doesNotContain("null", "NOT_FOUND");
        assertTablesRectangular(region);
    }

    @Test
    void narrativeTextIsEscaped() throws Exception {
        DepartmentReport sample = SampleData.tianheReport();
        Map<SectionKey, String> narratives = new EnumMap<>(SectionKey.class);
        String hostile = "<script>alert('x')</script> & <b>“粗体”</b> ]]> {r.department}";
        narratives.put(SectionKey.FUNCTIONS, hostile);
        DepartmentReport r = new DepartmentReport(sample.department(), 2022, sample.asOf(), sample.budget(),
                sample.evaluation(), narratives, sample.tasks(), sample.projects(), sample.generatedAt());

        String html = HTML.departmentReport(r);

        assertThat(html).doesNotContain("<script>", "<b>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;");
        Document doc = xml(html);
        assertThat(xpath(doc, "//h4[.='1.主要职责']/following-sibling::div[1]/p")).isEqualTo(hostile);
        assertThat(xpath(doc, "count(//script)")).isEqualTo("0");
    }

    @Test
    void rendersTheSameWhenCalledConcurrently() throws Exception {
        String expected = HTML.departmentReport(SampleData.tianheReport());
        List<Thread> threads = new ArrayList<>();
        List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> results.add(HTML.departmentReport(SampleData.tianheReport())));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(results).hasSize(4).allSatisfy(html -> assertThat(html).isEqualTo(expected));
    }

    /** The flattening of the indicator tree into rows with rowspans. */
    @Nested
    class IndicatorRows {

        @Test
        void spansFollowTheSampleTree() {
            List<HtmlIndicatorRows.Row> rows = HtmlIndicatorRows.of(SampleData.zengchengEvaluation());

            assertThat(rows).extracting(HtmlIndicatorRows.Row::leafName).containsExactly("重点工作任务完成率", "商会换届完成率",
                    "服务对象满意度", "预算执行率", "内控制度健全性");
            assertThat(rows).extracting(HtmlIndicatorRows.Row::level1Span).containsExactly(3, 0, 0, 2, 0);
            assertThat(rows).extracting(HtmlIndicatorRows.Row::level2Span).containsExactly(2, 0, 1, 1, 1);
            assertThat(rows.get(0).level1Name()).isEqualTo("履职效能");
            assertThat(rows.get(0).level1Weight()).isEqualTo("50");
            assertThat(rows.get(3).level2Name()).isEqualTo("预算编制");
            assertThat(rows.get(4).score()).isEqualTo("25.00");
        }

        @Test
        void rowsUnderOneIndicatorStayTogetherWhateverTheInputOrder() {
            // Level by level instead of depth first: the level-1 cell must still span contiguous rows.
            List<Indicator> nodes = new ArrayList<>(SampleData.zengchengEvaluation().indicators());
            nodes.sort(java.util.Comparator.comparingInt(Indicator::level));
            List<HtmlIndicatorRows.Row> rows = HtmlIndicatorRows.of(evaluation(nodes));

            assertThat(rows).extracting(HtmlIndicatorRows.Row::leafName).containsExactly("重点工作任务完成率", "商会换届完成率",
                    "服务对象满意度", "预算执行率", "内控制度健全性");
            assertThat(rows).extracting(HtmlIndicatorRows.Row::level1Span).containsExactly(3, 0, 0, 2, 0);
            assertThat(rows).extracting(HtmlIndicatorRows.Row::level2Span).containsExactly(2, 0, 1, 1, 1);
        }

        @Test
        void shallowAndDeepLeavesAndNotApplicable() {
            List<Indicator> nodes = List.of(node("A", null, 1, "产出", "40", false, false),
                    node("A1", "A", 2, "数量", "20", true, false), // a leaf on level 2
                    node("A2", "A", 2, "质量", "20", false, false), node("A21", "A2", 3, "合格率", "10", false, false),
                    node("A211", "A21", 4, "抽检合格率", "10", true, true), // deeper than level 3, not applicable
                    node("B", null, 1, "满意度", "60", true, false), // a leaf on level 1
                    node("X1", "GONE", 2, "孤儿", "0", true, false)); // a dangling parent: a root
            List<HtmlIndicatorRows.Row> rows = HtmlIndicatorRows.of(evaluation(nodes));

            assertThat(rows).hasSize(4);
            HtmlIndicatorRows.Row level2Leaf = rows.get(0);
            assertThat(level2Leaf.level1Span()).isEqualTo(2);
            assertThat(level2Leaf.level2Name()).isEqualTo("数量");
            assertThat(level2Leaf.level2Weight()).isEqualTo("20");
            assertThat(level2Leaf.leafName()).isEmpty();
            assertThat(level2Leaf.leafWeight()).isEmpty();
            assertThat(level2Leaf.weight()).isEqualTo("20");
            HtmlIndicatorRows.Row deep = rows.get(1);
            assertThat(deep.level1Span()).isZero();
            assertThat(deep.level2Name()).isEqualTo("质量");
            assertThat(deep.leafName()).isEqualTo("合格率 / 抽检合格率");
            assertThat(deep.score()).isEqualTo("不适用");
            assertThat(deep.notApplicable()).isTrue();
            HtmlIndicatorRows.Row root = rows.get(2);
            assertThat(root.level1Name()).isEqualTo("满意度");
            assertThat(root.level1Span()).isEqualTo(1);
            assertThat(root.level2()).isNull();
            assertThat(root.level2Start()).isTrue();
            assertThat(root.level2Name()).isEmpty();
            assertThat(rows.get(3).level1Name()).isEqualTo("孤儿");
        }

        @Test
        void noEvaluationNoRowsAndCyclesEnd() {
            assertThat(HtmlIndicatorRows.of(null)).isEmpty();
            List<Indicator> cycle = List.of(node("A", "B", 1, "甲", "1", true, false),
                    node("B", "A", 2, "乙", "1", true, false));
            assertThatCode(() -> HtmlIndicatorRows.of(evaluation(cycle))).doesNotThrowAnyException();
        }

        private static Evaluation evaluation(List<Indicator> nodes) {
            return new Evaluation(1, 1, "SELF", "DRAFT", "X/v1", new BigDecimal("90.00"), "优", false, nodes);
        }

        private static Indicator node(String code, String parent, int level, String name, String weight, boolean leaf,
                boolean notApplicable) {
            return new Indicator(code, parent, level, name, new BigDecimal(weight), "", "", leaf ? BigDecimal.ONE : null,
                    "", "", notApplicable, leaf);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Parses the document as XML, as openhtmltopdf does; no DTD or external entity is fetched. */
    static Document xml(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new InputSource(new StringReader(html)));
    }

    static String xpath(Document doc, String expression) throws Exception {
        return normalize(xpath().evaluate(expression, doc));
    }

    static List<String> all(Document doc, String expression) throws Exception {
        NodeList nodes = (NodeList) xpath().evaluate(expression, doc, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(normalize(nodes.item(i).getTextContent()));
        }
        return texts;
    }

    /** The text of the first cell after the header or cell whose text is {@code caption}. */
    private static String cellAfter(Document doc, String caption) throws Exception {
        return xpath(doc, "(//*[self::th or self::td][normalize-space()='" + caption + "'])[1]/following-sibling::td[1]");
    }

    /** The texts of the cells after the one whose text is {@code caption}, on its row. */
    private static List<String> rowAfter(Document doc, String caption) throws Exception {
        return all(doc, "(//td[normalize-space()='" + caption + "'])[1]/following-sibling::td");
    }

    private static List<String> headers(Document doc, String firstHeader) throws Exception {
        return all(doc, "//thead/tr[th[1]='" + firstHeader + "']/th");
    }

    private static String text(Document doc) {
        return normalize(doc.getDocumentElement().getTextContent());
    }

    private static XPath xpath() {
        return XPathFactory.newInstance().newXPath();
    }

    private static String normalize(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /**
     * Every row group of every table covers the same number of columns on each row once the cells spanning from rows
     * above are counted, and no cell spans past the end of its group: what a wrong rowspan or colspan breaks.
     */
    static void assertTablesRectangular(Document doc) {
        NodeList tables = doc.getElementsByTagName("table");
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            int columns = -1;
            for (Node group = table.getFirstChild(); group != null; group = group.getNextSibling()) {
                if (!(group instanceof Element g) || !List.of("thead", "tbody", "tfoot").contains(g.getTagName())) {
                    continue;
                }
                int[] pending = new int[64];
                for (Node row = g.getFirstChild(); row != null; row = row.getNextSibling()) {
                    if (!(row instanceof Element tr) || !tr.getTagName().equals("tr")) {
                        continue;
                    }
                    int col = 0;
                    for (Node cell = tr.getFirstChild(); cell != null; cell = cell.getNextSibling()) {
                        if (!(cell instanceof Element c) || !List.of("td", "th").contains(c.getTagName())) {
                            continue;
                        }
                        while (pending[col] > 0) {
                            col++;
                        }
                        int colspan = span(c, "colspan");
                        int rowspan = span(c, "rowspan");
                        for (int k = col; k < col + colspan; k++) {
                            pending[k] = rowspan;
                        }
                        col += colspan;
                    }
                    int width = 0;
                    for (int k = 0; k < pending.length; k++) {
                        if (pending[k] > 0) {
                            width = k + 1;
                            pending[k]--;
                        }
                    }
                    if (columns < 0) {
                        columns = width;
                    }
                    assertThat(width).as("columns of a row of table %d: %s", t, normalize(tr.getTextContent()))
                            .isEqualTo(columns);
                }
                assertThat(pending).as("cells spanning past the end of a row group of table %d", t).containsOnly(0);
            }
            int cols = table.getElementsByTagName("col").getLength();
            if (cols > 0) {
                assertThat(columns).as("columns of table %d against its colgroup", t).isEqualTo(cols);
            }
        }
    }

    private static int span(Element cell, String attribute) {
        String value = cell.getAttribute(attribute);
        return value.isEmpty() ? 1 : Integer.parseInt(value);
    }
}
