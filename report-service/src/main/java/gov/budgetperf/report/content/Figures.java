package gov.budgetperf.report.content;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How documents print numbers, as the seeds show them: amounts in 万元 with two decimals (from exact yuan, rounded
 * half-up once), rates with two decimals and a percent sign, scores with two decimals. Empty text for a missing
 * figure, never "null".
 */
public final class Fmt {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Fmt() {
    }

    /** Yuan → 万元, e.g. 4180300.00 → "418.03". */
    public static String wan(BigDecimal yuan) {
        return yuan == null ? "" : yuan.divide(TEN_THOUSAND).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Yuan → 万元 as a number (for spreadsheet cells), rounded as {@link #wan(BigDecimal)}. */
    public static BigDecimal wanValue(BigDecimal yuan) {
        return yuan == null ? null : yuan.divide(TEN_THOUSAND).setScale(2, RoundingMode.HALF_UP);
    }

    /** A percent figure, e.g. 96.03 → "96.03%". */
    public static String percent(BigDecimal percent) {
        return percent == null ? "" : percent.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A score or weight with two decimals, e.g. 90.77; weights that are whole numbers print without decimals. */
    public static String score(BigDecimal score) {
        return score == null ? "" : score.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A weight (分值): "10", "2.5". */
    public static String weight(BigDecimal weight) {
        return weight == null ? "" : weight.stripTrailingZeros().toPlainString();
    }

    public static String text(String s) {
        return s == null ? "" : s;
    }
}
