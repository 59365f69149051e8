package gov.budgetperf.evaluation.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal arithmetic and number display shared by the scoring classes. Divisions are done once, at the end of a
 * calculation, with 34 significant digits, so that a result that is exactly on a rounding boundary (2.345) stays exact
 * and rounds half-up as the forms do.
 */
final class Num {

    static final MathContext MC = new MathContext(34, RoundingMode.HALF_UP);
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final int DISPLAY_DECIMALS = 6;

    private Num() {
    }

    static BigDecimal div(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, MC);
    }

    /** Half-up to two decimals, as every score and total on the forms. */
    static BigDecimal round2(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static boolean isZero(BigDecimal value) {
        return value.signum() == 0;
    }

    /** A number as written by a person: no exponent, no trailing zeros ("10", "0.93", "2.5"). */
    static String fmt(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** Like {@link #fmt} but shortened to six decimals, with "≈" in front, when the value has more. */
    static String fmtRaw(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= DISPLAY_DECIMALS) {
            return stripped.toPlainString();
        }
        return "≈" + fmt(value.setScale(DISPLAY_DECIMALS, RoundingMode.HALF_UP));
    }
}
