package gov.budgetperf.evaluation.scoring;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The score of one indicator.
 *
 * @param score half-up to two decimals, in [0, weight]
 * @param explanation how it was obtained
 * @param flags what a reviewer should look at
 */
public record ScoreResult(BigDecimal score, Explanation explanation, Set<Flag> flags) {

    public ScoreResult {
        flags = Set.copyOf(flags);
    }
}
