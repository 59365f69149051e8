package gov.budgetperf.evaluation.scoring;

import static gov.budgetperf.evaluation.scoring.ScoringAssertions.VERSION;
import static gov.budgetperf.evaluation.scoring.ScoringAssertions.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The indicator table of seed 002, the 2022 whole-department self-evaluation of 增城区工商业联合会: 26 third-level
 * indicators, weights 100, self-scores totalling 90.77, grade 优.
 */
class ZengchengSeedTest {

    record Leaf(String first, String second, String name, BigDecimal weight, BigDecimal score) {
    }

    static Leaf leaf(String first, String second, String name, String weight, String score) {
        return new Leaf(first, second, name, d(weight), d(score));
    }

    static final String BUDGET_RATE = "部门预算资金支出率";

    // (一级, 二级, 三级, 分值, 自评分) as printed; the 1.5-point row under 采购管理 has no name in the text of the seed
    static final List<Leaf> TABLE = List.of(
            leaf("履职效能", "整体效能", "部门整体绩效目标产出指标完成情况", "20", "12.5"),
            leaf("履职效能", "整体效能", "部门整体绩效目标效益指标完成情况", "20", "20"),
            leaf("履职效能", "整体效能", BUDGET_RATE, "10", "9.3"),
            leaf("管理效率", "预算编制", "新增预算项目事前绩效评估", "3", "3"),
            leaf("管理效率", "预算执行", "结转结余率", "2", "2"),
            leaf("管理效率", "预算执行", "财务管理合规性", "2", "2"),
            leaf("管理效率", "信息公开", "预决算公开合规性", "2", "2"),
            leaf("管理效率", "信息公开", "绩效信息公开情况", "2", "2"),
            leaf("管理效率", "绩效管理", "绩效管理制度建设", "5", "5"),
            leaf("管理效率", "绩效管理", "绩效结果应用", "3", "3"),
            leaf("管理效率", "绩效管理", "绩效管理制度执行", "7", "7"),
            leaf("管理效率", "采购管理", "采购意向公开合规性", "0.5", "0.5"),
            leaf("管理效率", "采购管理", "(unnamed 1.5-point row)", "1.5", "1.5"),
            leaf("管理效率", "采购管理", "采购内控制度建设", "1", "1"),
            leaf("管理效率", "采购管理", "采购活动合规性", "2", "2"),
            leaf("管理效率", "采购管理", "采购合同签订时效性", "3", "2"),
            leaf("管理效率", "采购管理", "合同备案时效性", "1", "1"),
            leaf("管理效率", "采购管理", "采购政策效能", "1", "0.97"),
            leaf("管理效率", "资产管理", "资产配置合规性", "2", "2"),
            leaf("管理效率", "资产管理", "资产收益上缴的及时性", "1", "1"),
            leaf("管理效率", "资产管理", "资产盘点情况", "1", "1"),
            leaf("管理效率", "资产管理", "数据质量", "2", "2"),
            leaf("管理效率", "资产管理", "资产管理合规性", "2", "2"),
            leaf("管理效率", "资产管理", "固定资产利用率", "2", "2"),
            leaf("管理效率", "运行成本", "公用经费控制率", "2", "2"),
            leaf("管理效率", "运行成本", "“三公”经费控制情况", "2", "2"));

    @Test
    void weightsAddUpToTheFormsLevels() {
        assertThat(TABLE).hasSize(26);
        assertThat(sum(TABLE.stream().map(Leaf::weight).toList())).isEqualByComparingTo("100");
        assertThat(weightsBy(Leaf::first)).containsExactly(Map.entry("履职效能", "50"), Map.entry("管理效率", "50"));
        assertThat(weightsBy(Leaf::second)).containsExactly(Map.entry("整体效能", "50"), Map.entry("预算编制", "3"),
                Map.entry("预算执行", "4"), Map.entry("信息公开", "4"), Map.entry("绩效管理", "15"),
                Map.entry("采购管理", "10"), Map.entry("资产管理", "10"), Map.entry("运行成本", "4"));
    }

    @Test
    void selfScoresTotal9077GradedExcellent() {
        List<ScoredIndicator> leaves = TABLE.stream().map(l -> ScoredIndicator.of(l.name(), l.weight(), l.score())).toList();

        TotalResult result = Totals.total(leaves, GradeBands.defaults());

        assertThat(result.total()).isEqualTo(d("90.77"));
        assertThat(result.totalWeight()).isEqualByComparingTo("100");
        assertThat(result.rescaled()).isFalse();
        assertThat(result.grade()).isEqualTo("优");
    }

    @Test
    void budgetExecutionRateOf93PercentScores930() {
        ScoreResult result = Scorer.score(new ScoringRule.BudgetLinked(), d("10"), ScoringInput.actual(d("93.00")), VERSION);

        assertThat(result.score()).isEqualTo(d("9.30")).isEqualByComparingTo(find(BUDGET_RATE).score());
        assertThat(result.explanation().formula()).isEqualTo("10 × min(93 ÷ 100, 1) = 9.30");
    }

    @Test
    void scoringEveryIndicatorThroughItsRuleGivesTheSameTotal() {
        List<ScoredIndicator> leaves = TABLE.stream().map(l -> {
            ScoreResult result = Scorer.score(ruleFor(l), l.weight(), inputFor(l), VERSION);
            assertThat(result.score()).as(l.name()).isEqualByComparingTo(l.score());
            return ScoredIndicator.of(l.name(), l.weight(), result.score());
        }).toList();

        TotalResult result = Totals.total(leaves, GradeBands.defaults());

        assertThat(result.total()).isEqualTo(d("90.77"));
        assertThat(result.grade()).isEqualTo("优");
    }

    private static ScoringRule ruleFor(Leaf leaf) {
        if (leaf.name().equals(BUDGET_RATE)) {
            return new ScoringRule.BudgetLinked();
        }
        if (leaf.name().equals("采购合同签订时效性")) {
            return new ScoringRule.YesNo();
        }
        return new ScoringRule.Manual();
    }

    private static ScoringInput inputFor(Leaf leaf) {
        if (leaf.name().equals(BUDGET_RATE)) {
            return ScoringInput.actual(d("93.00"));
        }
        if (leaf.name().equals("采购合同签订时效性")) {
            return ScoringInput.answeredNo(leaf.score(), "合同线上盖章，供应商因不会操作，查找不到盖章界面，导致延期盖章");
        }
        return ScoringInput.manual(leaf.score(), "自评");
    }

    private static Leaf find(String name) {
        return TABLE.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, String> weightsBy(Function<Leaf, String> key) {
        return TABLE.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new,
                Collectors.collectingAndThen(Collectors.reducing(BigDecimal.ZERO, Leaf::weight, BigDecimal::add),
                        total -> total.stripTrailingZeros().toPlainString())));
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
