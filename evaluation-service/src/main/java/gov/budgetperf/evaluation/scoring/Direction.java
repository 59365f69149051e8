package gov.budgetperf.evaluation.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The direction of an indicator's target (≥, ≤, =), written as in the rule sets and on the indicators: {@code ">="},
 * {@code "<="}, {@code "="}. A rule that compares an actual with a target scores in one direction; an indicator whose
 * direction is another contradicts its rule (DESIGN §4 "Checks before submission").
 */
public enum Direction {
    /** ≥: the more the better, up to the target. */
    AT_LEAST(">=", "≥"),
    /** ≤: the less the better, down to the target. */
    AT_MOST("<=", "≤"),
    /** =: on the target, within a tolerance. */
    EQUAL("=", "=");

    private final String symbol;
    private final String sign;

    Direction(String symbol, String sign) {
        this.symbol = symbol;
        this.sign = sign;
    }

    /** As written in JSON and on the indicator: {@code ">="}, {@code "<="} or {@code "="}. */
    @JsonValue
    public String symbol() {
        return symbol;
    }

    /** As printed on forms: ≥, ≤ or =. */
    public String sign() {
        return sign;
    }

    /** The direction written as {@code ">="}, {@code "<="} or {@code "="} (also ≥ and ≤); null for null. */
    @JsonCreator
    public static Direction of(String symbol) {
        if (symbol == null) {
            return null;
        }
        for (Direction d : values()) {
            if (d.symbol.equals(symbol.trim()) || d.sign.equals(symbol.trim())) {
                return d;
            }
        }
        throw new ScoringException("direction", "direction is one of >=, <=, =, was " + symbol);
    }
}
