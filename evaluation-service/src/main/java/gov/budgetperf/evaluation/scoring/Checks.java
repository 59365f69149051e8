package gov.budgetperf.evaluation.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Argument checks that throw {@link ScoringException} naming the field at fault.
 */
final class Checks {

    private Checks() {
    }

    static <T> T require(String name, T value) {
        if (value == null) {
            throw new ScoringException(name, name + " is required");
        }
        return value;
    }

    static BigDecimal requireNotNegative(String name, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw new ScoringException(name, name + " must not be negative, was " + Num.fmt(value));
        }
        return value;
    }

    static BigDecimal requirePositive(String name, BigDecimal value) {
        if (value.signum() <= 0) {
            throw new ScoringException(name, name + " must be positive, was " + Num.fmt(value));
        }
        return value;
    }

    static BigDecimal requireFraction(String name, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new ScoringException(name, name + " must lie in [0, 1], was " + Num.fmt(value));
        }
        return value;
    }

    static String requireText(String name, String value, String why) {
        if (value == null || value.isBlank()) {
            throw new ScoringException(name, name + " is required " + why);
        }
        return value;
    }

    /** An ordered, unmodifiable map from alternating names and values; null values are left out. */
    static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
