package gov.budgetperf.evaluation.scoring;

import java.math.BigDecimal;

/**
 * The total of an evaluation.
 *
 * @param rawSum the sum of the rounded scores of the applicable indicators
 * @param applicableWeight the sum of the weights of the applicable indicators
 * @param totalWeight the sum of all the weights
 * @param total rawSum, or rawSum × totalWeight ÷ applicableWeight when some indicator is not applicable; half-up to
 *        two decimals
 * @param grade the grade of the total
 * @param rescaled whether some indicator was not applicable and the sum was rescaled (按百分制折算)
 * @param formula the calculation with the numbers put in
 */
public record TotalResult(BigDecimal rawSum, BigDecimal applicableWeight, BigDecimal totalWeight, BigDecimal total,
        String grade, boolean rescaled, String formula) {
}
