package gov.budgetperf.evaluation.scoring;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds up the scores of the leaf indicators of an evaluation and grades the total (DESIGN §4): the total is the sum of
 * the rounded scores, as the forms show it. When indicators are marked not applicable they are left out and the sum is
 * rescaled to the full weight (按百分制折算): total = Σ applicable scores × Σ all weights ÷ Σ applicable weights, half-up
 * to two decimals. With weights adding up to 100 that is Σ scores × 100 ÷ (100 − Σ weights not applicable).
 */
public final class Totals {

    private Totals() {
    }

    /**
     * @param leaves the leaf indicators, each with its weight and rounded score
     * @param bands the grade bands to grade the total with
     * @throws ScoringException when a leaf is invalid (missing or non-positive weight, missing score, score outside [0,
     *         weight], duplicate id) or no leaf is applicable
     */
    public static TotalResult total(List<ScoredIndicator> leaves, GradeBands bands) {
        Checks.require("bands", bands);
        if (leaves == null || leaves.isEmpty()) {
            throw new ScoringException("leaves", "at least one indicator is required");
        }
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        BigDecimal applicableWeight = BigDecimal.ZERO;
        BigDecimal totalWeight = BigDecimal.ZERO;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < leaves.size(); i++) {
            ScoredIndicator leaf = Checks.require("leaves[" + i + "]", leaves.get(i));
            String name = leaf.id() == null ? "leaves[" + i + "]" : leaf.id();
            if (leaf.id() != null && !ids.add(leaf.id())) {
                throw new ScoringException("leaves[" + i + "].id", "indicator " + leaf.id() + " appears twice");
            }
            BigDecimal weight = Checks.require(name + ".weight", leaf.weight());
            Checks.requirePositive(name + ".weight", weight);
            totalWeight = totalWeight.add(weight);
            if (leaf.notApplicable()) {
                continue;
            }
            BigDecimal score = Checks.require(name + ".score", leaf.score());
            if (score.signum() < 0 || score.compareTo(weight) > 0) {
                throw new ScoringException(name + ".score", "score of " + name + " must lie in [0, " + Num.fmt(weight)
                        + "], was " + Num.fmt(score));
            }
            sum = sum.add(Num.round2(score));
            applicableWeight = applicableWeight.add(weight);
        }
        if (applicableWeight.signum() == 0) {
            throw new ScoringException("leaves", "every indicator is marked not applicable: there is nothing to total");
        }
        boolean rescaled = applicableWeight.compareTo(totalWeight) != 0;
        BigDecimal total;
        String formula;
        if (rescaled) {
            BigDecimal raw = Num.div(sum.multiply(totalWeight), applicableWeight);
            total = Num.round2(raw);
            String result = raw.compareTo(total) == 0
                    ? total.toPlainString()
                    : Num.fmtRaw(raw) + " → " + total.toPlainString();
            formula = "Σ applicable scores " + sum.toPlainString() + " × " + Num.fmt(totalWeight) + " ÷ "
                    + Num.fmt(applicableWeight) + " = " + result + " (rescaled: weight "
                    + Num.fmt(totalWeight.subtract(applicableWeight)) + " not applicable)";
        } else {
            total = sum;
            formula = "Σ scores = " + total.toPlainString();
        }
        String grade = bands.grade(total);
        return new TotalResult(sum, applicableWeight, totalWeight, total, grade, rescaled, formula + "; grade " + grade);
    }
}
