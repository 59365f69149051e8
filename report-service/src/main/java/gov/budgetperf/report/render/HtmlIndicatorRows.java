package gov.budgetperf.report.render;

import java.util.ArrayList;
import java.util.List;

import gov.budgetperf.report.content.Figures;
import gov.budgetperf.report.content.IndicatorOutline;
import gov.budgetperf.report.content.ReportData.Evaluation;
import gov.budgetperf.report.content.ReportData.Indicator;

/**
 * Flattens an evaluation's indicator tree into the rows of an HTML table: one row per leaf, the level-1 and level-2
 * cells written once on the first row they cover, with the number of rows they span ({@code rowspan}).
 * <p>
 * The rows follow the tree's outline order ({@link IndicatorOutline}), so the rows under one indicator are always
 * contiguous even if the input is not in depth-first order. A node that has no children is a row even when it is not
 * flagged as a leaf (it shows its weight, no score). A leaf on level 1 or 2 leaves the deeper
 * columns empty; nodes deeper than level 3 print in the 三级指标 column as "parent / leaf". Parents that are missing
 * make their children roots; cycles are cut.
 */
final class HtmlIndicatorRows {

    /**
     * A table row. {@code level1Span} / {@code level2Span} are the rowspans of the level-1 / level-2 cells that start on
     * this row, 0 when a cell of an earlier row covers it (write no cell). {@code level2} is null when the row's leaf
     * has no level-2 ancestor (an empty cell is written instead). {@code leafName} is the text of the 三级指标 column
     * ("" when the leaf itself sits on level 1 or 2).
     */
    record Row(Indicator level1, int level1Span, Indicator level2, int level2Span, Indicator leaf, String leafName) {

        public boolean level1Start() {
            return level1Span > 0;
        }

        public boolean level2Start() {
            return level2Span > 0;
        }

        /**
         * A level-1 cell spanning so many rows that the table may break inside it: printed at its top rather than in
         * its middle, which could fall on the next page (or between two).
         */
        public boolean level1Tall() {
            return level1Span > TALL;
        }

        public boolean level2Tall() {
            return level2Span > TALL;
        }

        public String level1Name() {
            return Figures.text(level1.name());
        }

        public String level1Weight() {
            return Figures.weight(level1.weight());
        }

        public String level2Name() {
            return level2 == null ? "" : Figures.text(level2.name());
        }

        public String level2Weight() {
            return level2 == null ? "" : Figures.weight(level2.weight());
        }

        /** 分值 of the 三级指标 column: the leaf's weight when the leaf is on level 3 or deeper. */
        public String leafWeight() {
            return leaf == level1 || leaf == level2 ? "" : Figures.weight(leaf.weight());
        }

        /** The leaf's own weight, whatever its level (the 分值 of a table with one weight column). */
        public String weight() {
            return Figures.weight(leaf.weight());
        }

        public boolean notApplicable() {
            return leaf.notApplicable();
        }

        public String target() {
            return Figures.text(leaf.target());
        }

        public String actual() {
            return Figures.text(leaf.actual());
        }

        /** 得分: the score, "不适用" for a not-applicable leaf, empty for an unscored node. */
        public String score() {
            return leaf.notApplicable() ? "不适用" : Figures.score(leaf.score());
        }

        public String reason() {
            return Figures.text(leaf.reason());
        }

        public String measure() {
            return Figures.text(leaf.measure());
        }
    }

    /** Rows a merged cell may span and still print its text in its middle. */
    static final int TALL = 6;

    private HtmlIndicatorRows() {
    }

    /** The rows of the evaluation's indicator table; empty without an evaluation. */
    static List<Row> of(Evaluation evaluation) {
        return rows(IndicatorOutline.paths(evaluation));
    }

    private static List<Row> rows(List<List<Indicator>> paths) {
        int n = paths.size();
        int[] span1 = new int[n];
        int[] span2 = new int[n];
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && paths.get(j + 1).get(0) == paths.get(i).get(0)) {
                j++;
            }
            span1[i] = j - i + 1;
            // Level-2 runs inside this level-1 run.
            for (int k = i; k <= j;) {
                Indicator level2 = level2(paths.get(k));
                int m = k;
                while (level2 != null && m + 1 <= j && level2(paths.get(m + 1)) == level2) {
                    m++;
                }
                span2[k] = m - k + 1;
                k = m + 1;
            }
            i = j + 1;
        }
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Indicator> path = paths.get(i);
            Indicator leaf = path.get(path.size() - 1);
            rows.add(new Row(path.get(0), span1[i], level2(path), span2[i], leaf, leafName(path)));
        }
        return rows;
    }

    private static Indicator level2(List<Indicator> path) {
        return path.size() >= 2 ? path.get(1) : null;
    }

    private static String leafName(List<Indicator> path) {
        if (path.size() < 3) {
            return "";
        }
        StringBuilder name = new StringBuilder();
        for (int i = 2; i < path.size(); i++) {
            if (i > 2) {
                name.append(" / ");
            }
            name.append(Figures.text(path.get(i).name()));
        }
        return name.toString();
    }
}
