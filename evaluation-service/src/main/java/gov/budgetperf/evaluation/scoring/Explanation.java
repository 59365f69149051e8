package gov.budgetperf.evaluation.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a score was obtained (DESIGN §4: "every score carries its explanation").
 *
 * @param ruleType the rule's type
 * @param parameters the rule's parameters, by name (in the rule's order)
 * @param inputs the inputs used, by name (weight, target, actual, band, proposedScore, yes, justification; absent ones
 *        left out; in that order)
 * @param formula the calculation with the numbers put in, e.g. {@code "10 × min(93 ÷ 100, 1) = 9.30"}
 * @param rawScore the score before rounding (after any deduction and the clamp to [0, weight])
 * @param score the score, half-up to two decimals
 * @param ruleSetVersion the version of the rule set the rule came from
 * @param notes remarks for the reader, e.g. {@code "target set too low: actual is 2.50 × target"}
 */
public record Explanation(RuleType ruleType, Map<String, Object> parameters, Map<String, Object> inputs, String formula,
        BigDecimal rawScore, BigDecimal score, String ruleSetVersion, List<String> notes) {

    public Explanation {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        notes = List.copyOf(notes);
    }
}
