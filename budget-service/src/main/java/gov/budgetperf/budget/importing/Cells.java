package gov.budgetperf.budget.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import gov.budgetperf.budget.budget.ExpenditureType;
import gov.budgetperf.budget.budget.FundingSource;
import gov.budgetperf.budget.budget.ThreePublicCategory;

/** Parsing of imported cell values; each method throws IllegalArgumentException with a message for the report. */
final class Cells {

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final Map<String, ExpenditureType> TYPES = Map.of("人员经费", ExpenditureType.PERSONNEL, "日常公用经费",
            ExpenditureType.PUBLIC_FUNDS, "公用经费", ExpenditureType.PUBLIC_FUNDS, "项目支出", ExpenditureType.PROJECT);
    private static final Map<String, FundingSource> SOURCES = Map.of("一般公共预算", FundingSource.GENERAL_PUBLIC,
            "政府性基金", FundingSource.GOVERNMENT_FUND, "其他", FundingSource.OTHER);
    private static final Map<String, ThreePublicCategory> THREE_PUBLIC = Map.of("公务接待", ThreePublicCategory.RECEPTION,
            "公务接待费", ThreePublicCategory.RECEPTION, "公务用车", ThreePublicCategory.VEHICLES, "公务用车购置及运行费",
            ThreePublicCategory.VEHICLES, "因公出国", ThreePublicCategory.OVERSEAS, "因公出国（境）费",
            ThreePublicCategory.OVERSEAS);

    private Cells() {
    }

    static String required(String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("is required");
        }
        return v;
    }

    static BigDecimal amount(String v, boolean allowNegative, boolean allowZero) {
        required(v);
        BigDecimal d;
        try {
            d = new BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a number");
        }
        if (d.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("'" + v + "' has more than two decimals");
        }
        if (d.abs().compareTo(new BigDecimal("1e16")) >= 0) {
            throw new IllegalArgumentException("'" + v + "' is too large");
        }
        if (d.signum() == 0 && !allowZero) {
            throw new IllegalArgumentException("must not be zero");
        }
        if (d.signum() < 0 && !allowNegative) {
            throw new IllegalArgumentException("must not be negative");
        }
        return d.setScale(2);
    }

    static int year(String v) {
        required(v);
        try {
            int y = Integer.parseInt(v.endsWith("年") ? v.substring(0, v.length() - 1) : v);
            if (y < 2000 || y > 2100) {
                throw new IllegalArgumentException("'" + v + "' is not a fiscal year between 2000 and 2100");
            }
            return y;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a year");
        }
    }

    static LocalDate date(String v) {
        required(v);
        try {
            return v.contains("/") ? LocalDate.parse(v, SLASHED) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + v + "' is not a date (yyyy-MM-dd)");
        }
    }

    static ExpenditureType type(String v) {
        return enumOf(v, ExpenditureType.class, TYPES);
    }

    static FundingSource source(String v) {
        return enumOf(v, FundingSource.class, SOURCES);
    }

    static ThreePublicCategory threePublic(String v) {
        return v.isEmpty() ? null : enumOf(v, ThreePublicCategory.class, THREE_PUBLIC);
    }

    private static <E extends Enum<E>> E enumOf(String v, Class<E> type, Map<String, E> chinese) {
        required(v);
        E e = chinese.get(v);
        if (e != null) {
            return e;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("'" + v + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + " or " + chinese.keySet());
        }
    }
}
