package gov.budgetperf.report.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import gov.budgetperf.report.content.IndicatorOutline;
import gov.budgetperf.report.content.ReportData.Evaluation;
import gov.budgetperf.report.content.ReportData.Indicator;

/**
 * The rows of a form's indicator table (one per node without children, in outline order) with the level-1 and level-2 indicators each leaf sits
 * under, and the runs of rows those share (merged in the table). Used by the XLSX and the DOCX writers alike.
 */
final class XlsxIndicatorRows {

    /**
     * A table row. {@code level1} is the root the leaf sits under (the leaf itself when it is a root); {@code level2}
     * the node under that root, null when the leaf hangs directly below the root (or is the root). {@code leafName}
     * is the 三级指标 text: the leaf's name, prefixed by any nodes between level 2 and the leaf on deeper trees.
     */
    record Line(Indicator level1, Indicator level2, Indicator leaf, String leafName) {
    }

    /** Rows {@code first}..{@code last} (indices into the line list, inclusive) share {@code indicator}. */
    record Run(int first, int last, Indicator indicator) {

        boolean merged() {
            return last > first;
        }
    }

    private XlsxIndicatorRows() {
    }

    /**
     * The rows of an evaluation's indicator table in the tree's outline order (the order of the HTML/PDF form, see
     * {@link IndicatorOutline}); empty when there is no evaluation.
     */
    static List<Line> of(Evaluation evaluation) {
        List<Line> lines = new ArrayList<>();
        for (List<Indicator> path : IndicatorOutline.paths(evaluation)) {
            lines.add(line(path));
        }
        return lines;
    }

    private static Line line(List<Indicator> path) {
        Indicator leaf = path.get(path.size() - 1);
        Indicator level1 = path.get(0);
        Indicator level2 = path.size() >= 3 ? path.get(1) : null;
        StringBuilder name = new StringBuilder();
        for (int i = 2; i < path.size() - 1; i++) {
            name.append(Objects.toString(path.get(i).name(), "")).append(" / ");
        }
        name.append(Objects.toString(leaf.name(), ""));
        return new Line(level1, level2, leaf, name.toString());
    }

    /** Consecutive lines sharing the same level-1 indicator. */
    static List<Run> level1Runs(List<Line> lines) {
        return runs(lines, Line::level1);
    }

    /** Consecutive lines sharing the same level-2 indicator (lines without one form no run). */
    static List<Run> level2Runs(List<Line> lines) {
        return runs(lines, Line::level2);
    }

    private static List<Run> runs(List<Line> lines, Function<Line, Indicator> key) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Indicator indicator = key.apply(lines.get(i));
            int j = i;
            if (indicator != null) {
                while (j + 1 < lines.size() && same(indicator, key.apply(lines.get(j + 1)))
                        && same(lines.get(i).level1(), lines.get(j + 1).level1())) {
                    j++;
                }
                runs.add(new Run(i, j, indicator));
            }
            i = j + 1;
        }
        return runs;
    }

    private static boolean same(Indicator a, Indicator b) {
        if (a == null || b == null) {
            return false;
        }
        return a == b || (a.code() != null && a.code().equals(b.code()));
    }
}
