package gov.budgetperf.report.content;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How documents print figures, the one formatter every renderer (HTML/PDF, DOCX, XLSX, open data) uses, as the seeds
 * show them: amounts in 万元 with two decimals (from exact yuan, rounded half-up once, DESIGN §5 "万元 and totals"),
 * rates as a percent with two decimals and a percent sign, scores with two decimals, an indicator's target or actual
 * from its text when it has one, else from its number with its unit. Every rate the services publish is already a
 * percent (budget-service's {@code percent}, evaluation-service's actuals, budget-linked ones included: 93.00, not
 * 0.93); a ratio is never printed as a percent. Empty text for a missing figure, never "null".
 */
public final class Figures {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    /** The unit of an indicator whose value is a rate. */
    public static final String PERCENT = "%";

    private Figures() {
    }

    /** Yuan → 万元, e.g. 4180300.00 → "418.03". */
    public static String wan(BigDecimal yuan) {
        return yuan == null ? "" : wanValue(yuan).toPlainString();
    }

    /** Yuan → 万元 as a number (for spreadsheet cells), rounded as {@link #wan(BigDecimal)}. */
    public static BigDecimal wanValue(BigDecimal yuan) {
        return yuan == null ? null : yuan.divide(TEN_THOUSAND).setScale(2, RoundingMode.HALF_UP);
    }

    /** A rate given in percent, with two decimals, e.g. 96.03 → "96.03%", 93 → "93.00%". */
    public static String percent(BigDecimal percent) {
        return percent == null ? "" : percent.setScale(2, RoundingMode.HALF_UP).toPlainString() + PERCENT;
    }

    /** A score with two decimals, e.g. 90.77. */
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

    /**
     * How an indicator's target or actual is printed: the text the service holds when there is one (a budget-linked
     * actual's is evaluation-service's own, e.g. "93.00%"), else the direction (≥, ≤), the number and the unit; a
     * number whose unit is % is a percent and prints with two decimals ("≥95.00%", "93.00%"), any other prints as
     * written ("≥3次", "105人").
     */
    public static String indicatorValue(String text, String direction, BigDecimal value, String unit) {
        if (text != null && !text.isBlank()) {
            return text;
        }
        if (value == null) {
            return "";
        }
        String sign = direction == null ? "" : switch (direction) {
            case ">=" -> "≥";
            case "<=" -> "≤";
            default -> direction;
        };
        if (PERCENT.equals(unit == null ? null : unit.strip())) {
            return sign + percent(value);
        }
        return sign + value.stripTrailingZeros().toPlainString() + (unit == null ? "" : unit);
    }
}
