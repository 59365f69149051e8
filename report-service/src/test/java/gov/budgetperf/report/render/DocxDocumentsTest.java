package gov.budgetperf.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import gov.budgetperf.report.content.ReportData.DepartmentReport;
import gov.budgetperf.report.content.ReportData.ProjectReport;
import gov.budgetperf.report.content.SampleData;

class DocxDocumentsTest {

    private final DocxDocuments docx = new DocxDocuments();

    @Test
    void departmentReportFollowsTheHuaduOutline() throws IOException {
        try (XWPFDocument doc = read(docx.departmentReport(SampleData.tianheReport()))) {
            XWPFParagraph title = doc.getParagraphs().get(0);
            assertThat(title.getText()).isEqualTo("广州市天河区工商业联合会2022年度部门整体支出绩效自评报告");
            assertThat(title.getStyle()).isEqualTo("Title");

            assertThat(headings(doc)).containsExactly("一、基本情况", "（一）部门概况", "1.主要职责", "2.机构设置",
                    "（二）年度总体工作和重点工作任务", "（三）部门整体收支情况", "（四）部门整体绩效管理情况", "二、综合评价分析", "（一）自评结论综述",
                    "（二）各项工作任务绩效目标完成情况分析", "（三）各重点任务项目支出完成情况分析", "（四）主要工作成效", "三、存在的主要问题",
                    "四、下一步改进措施", "五、附件");
            // Real heading styles with outline levels, so Word's navigation pane sees them.
            assertThat(doc.getStyles().getStyle("Heading1").getCTStyle().getPPr().getOutlineLvl().getVal())
                    .isEqualTo(BigInteger.ZERO);
            assertThat(doc.getStyles().getStyle("Heading2").getCTStyle().getPPr().getOutlineLvl().getVal())
                    .isEqualTo(BigInteger.ONE);
            XWPFParagraph h2 = paragraph(doc, "（一）部门概况");
            assertThat(h2.getCTP().getPPr().getOutlineLvl().getVal()).isEqualTo(BigInteger.ONE);

            assertThat(after(doc, "1.主要职责")).isEqualTo("天河区工商联是党领导的以非公有制企业和非公有制经济人士为主体的人民团体和商会组织。");
            assertThat(after(doc, "（二）年度总体工作和重点工作任务")).isEqualTo("（未填写）");
            assertThat(after(doc, "（四）主要工作成效")).isEqualTo("（未填写）");
            // A narrative prints a paragraph per line.
            assertThat(after(doc, "三、存在的主要问题")).isEqualTo("（一）因疫情影响，启动时间滞后。");
            assertThat(next(doc, "三、存在的主要问题", 2)).isEqualTo("（二）项目预算不够精准。");
        }
    }

    @Test
    void budgetAndConclusionParagraphsCarryTheFigures() throws IOException {
        try (XWPFDocument doc = read(docx.departmentReport(SampleData.tianheReport()))) {
            assertThat(after(doc, "（三）部门整体收支情况")).contains("2022年部门年初预算417.82万元", "年度预算调整数0.21万元",
                    "调整后预算418.03万元", "实际支出401.42万元", "预算执行率96.03%", "预算调整率0.05%",
                    "基本支出387.30万元（其中人员经费270.00万元、日常公用经费117.30万元）", "项目支出14.12万元", "一般公共预算401.42万元",
                    "年末结转结余16.61万元", "“三公”经费预算5.00万元，实际支出1.20万元");
            assertThat(after(doc, "（一）自评结论综述")).isEqualTo("经自评，部门整体支出绩效自评得分90.77分，评价等级为“优”。");

            assertThat(after(doc, "（三）各重点任务项目支出完成情况分析"))
                    .isEqualTo("1.2022年区工商联工作经费：全年预算数为14.12万元，执行数为14.12万元，完成预算的100.00%。");
            XWPFTable projects = table(doc, "序号");
            assertThat(rowTexts(projects.getRow(1))).containsExactly("1", "2022年区工商联工作经费", "14.12", "14.12",
                    "100.00%");
            XWPFTable tasks = table(doc, "任务");
            assertThat(rowTexts(tasks.getRow(2))).containsExactly("任务4 推动党建工作提质扩面", "全面推进党的组织覆盖", "完成", "赠阅报刊",
                    "完成", "9.96");
        }
    }

    @Test
    void annexHoldsTheFormWithMergedLevels() throws IOException {
        try (XWPFDocument doc = read(docx.departmentReport(SampleData.tianheReport()))) {
            assertThat(after(doc, "五、附件")).isEqualTo("2022年度广州市天河区工商业联合会部门整体支出绩效自评表");

            XWPFTable form = table(doc, "部门名称");
            assertThat(form.getText()).contains("418.03", "417.82", "401.42", "0.21", "96.03%", "0.05%",
                    "1.强化思想政治引领");

            List<XWPFTable> tables = doc.getTables();
            XWPFTable indicators = tables.get(tables.size() - 1);
            assertThat(rowTexts(indicators.getRow(0))).containsExactly("一级指标", "二级指标", "三级指标", "分值", "年度指标值",
                    "实际完成值", "得分", "未达标原因", "改进措施");
            assertThat(indicators.getRow(0).isRepeatHeader()).isTrue();
            // 履职效能 over three leaves, 部门履职目标 over two, 部门效果目标 alone.
            assertThat(indicators.getRow(1).getCell(0).getText()).isEqualTo("履职效能");
            assertThat(vMerge(indicators.getRow(1).getCell(0))).isEqualTo(STMerge.RESTART);
            assertThat(vMerge(indicators.getRow(2).getCell(0))).isEqualTo(STMerge.CONTINUE);
            assertThat(vMerge(indicators.getRow(3).getCell(0))).isEqualTo(STMerge.CONTINUE);
            assertThat(vMerge(indicators.getRow(4).getCell(0))).isEqualTo(STMerge.RESTART);
            assertThat(indicators.getRow(1).getCell(1).getText()).isEqualTo("部门履职目标");
            assertThat(vMerge(indicators.getRow(1).getCell(1))).isEqualTo(STMerge.RESTART);
            assertThat(vMerge(indicators.getRow(2).getCell(1))).isEqualTo(STMerge.CONTINUE);
            assertThat(indicators.getRow(3).getCell(1).getText()).isEqualTo("部门效果目标");
            assertThat(vMerge(indicators.getRow(3).getCell(1))).isNull();
            assertThat(rowTexts(indicators.getRow(1))).containsExactly("履职效能", "部门履职目标", "重点工作任务完成率", "10", "≥100%",
                    "95%", "9.50", "受疫情影响，部分活动延期", "提前谋划，做好应急预案");

            XWPFTableRow total = indicators.getRow(indicators.getNumberOfRows() - 2);
            assertThat(rowTexts(total)).containsExactly("总分", "90.77", "");
            XWPFTableRow grade = indicators.getRow(indicators.getNumberOfRows() - 1);
            assertThat(rowTexts(grade)).containsExactly("评价等级", "优", "☑优　□良　□中　□差");
        }
    }

    @Test
    void everyRunCarriesAnEastAsianFont() throws IOException {
        try (XWPFDocument doc = read(docx.departmentReport(SampleData.tianheReport()))) {
            List<XWPFRun> runs = new ArrayList<>();
            doc.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
            for (XWPFTable t : doc.getTables()) {
                for (XWPFTableRow row : t.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        cell.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
                    }
                }
            }
            assertThat(runs).hasSizeGreaterThan(50)
                    .allSatisfy(run -> assertThat(run.getFontFamily(FontCharRange.eastAsia)).isIn("宋体", "黑体", "楷体"));
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW()).hasToString("11906");
        }
    }

    @Test
    void missingBudgetEvaluationAndNarrativesDoNotThrow() throws IOException {
        DepartmentReport full = SampleData.tianheReport();
        DepartmentReport r = new DepartmentReport(full.department(), full.fiscalYear(), full.asOf(), null, null,
                Map.of(), List.of(), List.of(), full.generatedAt());
        try (XWPFDocument doc = read(docx.departmentReport(r))) {
            assertThat(after(doc, "1.主要职责")).isEqualTo("（未填写）");
            assertThat(after(doc, "（三）部门整体收支情况")).isEqualTo("（暂无预算数据）");
            assertThat(after(doc, "（一）自评结论综述")).isEqualTo("部门整体支出绩效尚无评价结果。");
            assertThat(after(doc, "（二）各项工作任务绩效目标完成情况分析")).isEqualTo("（未填写）");
            assertThat(after(doc, "（三）各重点任务项目支出完成情况分析")).isEqualTo("（未填写）");
            List<XWPFTable> tables = doc.getTables();
            assertThat(tables.get(tables.size() - 1).getText()).contains("（暂无评价结果）", "总分", "评价等级");
        }
        ProjectReport p = SampleData.projectReport();
        ProjectReport empty = new ProjectReport(p.department(), p.fiscalYear(), p.asOf(), null, null, Map.of(),
                p.generatedAt());
        try (XWPFDocument doc = read(docx.projectReport(empty))) {
            assertThat(after(doc, "（四）项目资金安排及使用情况")).isEqualTo("（暂无预算数据）");
        }
    }

    @Test
    void projectReportHasOverviewConclusionAndIndicatorTable() throws IOException {
        try (XWPFDocument doc = read(docx.projectReport(SampleData.projectReport()))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("2022年区工商联工作经费项目绩效评价报告");
            assertThat(headings(doc)).containsExactly("一、项目概况", "（一）项目背景", "（二）立项依据", "（三）项目绩效目标",
                    "（四）项目资金安排及使用情况", "（五）项目组织实施情况", "二、绩效评价工作概况", "三、评价结论", "四、存在的问题", "五、改进措施");
            assertThat(after(doc, "（一）项目背景")).isEqualTo("为保障区工商联正常履职，安排年度工作经费。");
            assertThat(after(doc, "（二）立项依据")).isEqualTo("（未填写）");
            assertThat(after(doc, "（四）项目资金安排及使用情况")).isEqualTo(
                    "2022年该项目年初预算14.12万元，追加0.00万元，调减0.00万元，划出0.00万元，调整后预算14.12万元，实际执行14.12万元，预算执行率100.00%。");
            assertThat(after(doc, "三、评价结论")).isEqualTo("经自评，该项目自评得分90.77分，评价等级为“优”。");
            assertThat(next(doc, "三、评价结论", 2)).isEqualTo("项目总体完成较好。");

            XWPFTable funding = table(doc, "年初预算");
            assertThat(rowTexts(funding.getRow(1))).containsExactly("14.12", "0.00", "0.00", "0.00", "14.12", "14.12",
                    "100.00%");
            XWPFTable indicators = table(doc, "一级指标");
            assertThat(rowTexts(indicators.getRow(0))).containsExactly("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
                    "得分");
            assertThat(rowTexts(indicators.getRow(1))).containsExactly("履职效能", "部门履职目标", "重点工作任务完成率", "≥100%", "95%",
                    "10", "9.50");
            assertThat(vMerge(indicators.getRow(1).getCell(0))).isEqualTo(STMerge.RESTART);
            assertThat(rowTexts(indicators.getRow(indicators.getNumberOfRows() - 2))).containsExactly("总分", "90.77");
            assertThat(rowTexts(indicators.getRow(indicators.getNumberOfRows() - 1))).containsExactly("评价等级", "优",
                    "☑优　□良　□中　□差");
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    private static XWPFDocument read(byte[] bytes) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    private static List<String> headings(XWPFDocument doc) {
        return doc.getParagraphs().stream().filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
                .map(XWPFParagraph::getText).toList();
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph " + text));
    }

    /** The text of the body paragraph right after the one reading {@code text}. */
    private static String after(XWPFDocument doc, String text) {
        return next(doc, text, 1);
    }

    private static String next(XWPFDocument doc, String text, int offset) {
        List<XWPFParagraph> paragraphs = doc.getParagraphs();
        return paragraphs.get(paragraphs.indexOf(paragraph(doc, text)) + offset).getText();
    }

    /** The first table whose first cell reads {@code firstCell}. */
    private static XWPFTable table(XWPFDocument doc, String firstCell) {
        return doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals(firstCell)).findFirst()
                .orElseThrow(() -> new AssertionError("no table starting with " + firstCell));
    }

    private static List<String> rowTexts(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
    }

    private static STMerge.Enum vMerge(XWPFTableCell cell) {
        var tcPr = cell.getCTTc().getTcPr();
        return tcPr == null || tcPr.getVMerge() == null ? null : tcPr.getVMerge().getVal();
    }
}
