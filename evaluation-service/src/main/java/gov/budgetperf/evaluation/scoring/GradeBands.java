package gov.budgetperf.evaluation.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The grade bands of a rule set: each band is a grade and its inclusive lower bound; a total gets the grade of the
 * highest band whose lower bound it reaches. The bands are kept sorted by lower bound, highest first. There must be a
 * band at 0 (so every total has a grade), no two bands with the same lower bound or the same grade, no negative bound.
 *
 * @param bands the bands, in any order (stored highest first)
 */
public record GradeBands(List<Band> bands) {

    private static final GradeBands DEFAULTS = new GradeBands(List.of(new Band("优", new BigDecimal("90")),
            new Band("良", new BigDecimal("80")), new Band("中", new BigDecimal("60")), new Band("差", BigDecimal.ZERO)));

    public GradeBands {
        if (bands == null || bands.isEmpty()) {
            throw new ScoringException("bands", "at least one grade band is required");
        }
        List<Band> sorted = new ArrayList<>(bands.size());
        Set<BigDecimal> mins = new HashSet<>();
        Set<String> grades = new HashSet<>();
        for (Band band : bands) {
            Checks.require("bands", band);
            if (!mins.add(band.min().stripTrailingZeros())) {
                throw new ScoringException("bands", "two grade bands start at " + Num.fmt(band.min()));
            }
            if (!grades.add(band.grade())) {
                throw new ScoringException("bands", "grade " + band.grade() + " appears twice");
            }
            sorted.add(band);
        }
        sorted.sort(Comparator.comparing(Band::min).reversed());
        if (sorted.get(sorted.size() - 1).min().signum() != 0) {
            throw new ScoringException("bands", "the lowest grade band must start at 0, so that every total has a grade");
        }
        bands = List.copyOf(sorted);
    }

    /** The default bands: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 ≥ 0 (DESIGN §4). */
    public static GradeBands defaults() {
        return DEFAULTS;
    }

    /** Bands from alternating grades and lower bounds, e.g. {@code of("优", 80, "良", 70, "中", 60, "差", 0)}. */
    public static GradeBands of(Object... gradesAndMins) {
        if (gradesAndMins.length % 2 != 0) {
            throw new ScoringException("bands", "grades and lower bounds must come in pairs");
        }
        List<Band> list = new ArrayList<>();
        for (int i = 0; i < gradesAndMins.length; i += 2) {
            list.add(new Band((String) gradesAndMins[i], new BigDecimal(gradesAndMins[i + 1].toString())));
        }
        return new GradeBands(list);
    }

    /** The grade of a total: that of the first band (highest first) whose lower bound is at or below it. */
    public String grade(BigDecimal total) {
        Checks.requireNotNegative("total", Checks.require("total", total));
        for (Band band : bands) {
            if (band.min().compareTo(total) <= 0) {
                return band.grade();
            }
        }
        throw new IllegalStateException("no band at 0"); // cannot happen: the constructor requires one
    }

    /**
     * One grade band.
     *
     * @param grade the grade, e.g. "优"
     * @param min the lowest total that gets it (inclusive)
     */
    public record Band(String grade, BigDecimal min) {

        public Band {
            Checks.requireText("grade", grade, "for a grade band");
            Checks.requireNotNegative("min", Checks.require("min", min));
        }
    }
}
