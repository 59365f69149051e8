package gov.budgetperf.evaluation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.evaluation.scoring.OverachievementPolicy;
import gov.budgetperf.evaluation.scoring.QualitativeBand;
import gov.budgetperf.evaluation.scoring.ReverseFormula;
import gov.budgetperf.evaluation.scoring.ScoreResult;
import gov.budgetperf.evaluation.scoring.Scorer;
import gov.budgetperf.evaluation.scoring.ScoringInput;
import gov.budgetperf.evaluation.scoring.ScoringRule;
import gov.budgetperf.evaluation.scoring.ToleranceMode;

/**
 * The explanation JSON built node by node is exactly what Jackson's generic conversion of the explanation gave (the
 * same text: field order, numbers without trailing zeros, nulls), for every kind of rule and result.
 */
@QuarkusTest
class ExplanationJsonTest {

    @Inject
    EvaluationScoring scoring;

    @Inject
    ObjectMapper mapper;

    private static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static ScoringInput in(String target, String actual) {
        return ScoringInput.of(d(target), d(actual));
    }

    @Test
    void directlyBuiltExplanationsAreTheGenericOnes() throws Exception {
        OverachievementPolicy deduct = OverachievementPolicy.deductAbove(d("1.5"), d("0.5"));
        OverachievementPolicy flag = OverachievementPolicy.flagAbove(d("1.2"));
        List<ScoreResult> results = new ArrayList<>();
        for (String weight : List.of("10", "2.50", "100.00", "0.01", "3.333")) {
            for (String[] ta : new String[][]{{"100", "93"}, {"100.000000000000", "90.000000000000"},
                    {"95", "200"}, {"1", "0.960266009616"}, {"100", "0"}, {"0.00010", "0.00030"}}) {
                OverachievementPolicy[] policies = {OverachievementPolicy.off(), flag, deduct};
                for (OverachievementPolicy p : policies) {
                    results.add(Scorer.score(new ScoringRule.RatioPositive(), d(weight), in(ta[0], ta[1]), p, "X/v1"));
                    results.add(Scorer.score(new ScoringRule.ThresholdSteps(d("95"), d("2"), d("0.2"), true), d(weight),
                            in(ta[0], ta[1]), p, "X/v2"));
                }
                results.add(Scorer.score(new ScoringRule.RatioReverse(ReverseFormula.LINEAR_TO_DOUBLE), d(weight),
                        in(ta[0], ta[1]), "X/v1"));
                results.add(Scorer.score(new ScoringRule.RatioReverse(), d(weight), in(ta[0], ta[1]), "X/v1"));
                results.add(Scorer.score(new ScoringRule.Equal(d("0.05"), ToleranceMode.ABSOLUTE), d(weight),
                        in(ta[0], ta[1]), "X/v1"));
                results.add(Scorer.score(new ScoringRule.LinearDeduction(d("100"), d("0.10")), d(weight),
                        in(ta[0], ta[1]), "X/v1"));
                results.add(Scorer.score(new ScoringRule.BudgetLinked("EXECUTION_RATE", d("1.00")), d(weight),
                        in(ta[0], ta[1]), "X/v1"));
            }
            BigDecimal w = d(weight);
            results.add(Scorer.score(new ScoringRule.Qualitative(), w,
                    ScoringInput.qualitative(QualitativeBand.ACHIEVED, w.multiply(d("0.90"))), "X/v1"));
            results.add(Scorer.score(new ScoringRule.YesNo(), w, ScoringInput.answeredYes(), "X/v1"));
            results.add(Scorer.score(new ScoringRule.YesNo(), w, ScoringInput.answeredNo(BigDecimal.ZERO, "无"), "X/v1"));
            results.add(Scorer.score(new ScoringRule.Manual(), w, ScoringInput.manual(w, "满分\"理由\"\n"), "X/v1"));
            results.add(Scorer.score(new ScoringRule.YesNo(), w,
                    new ScoringInput(null, null, null, d("1"), Boolean.TRUE, null), "X/v1"));
        }
        assertThat(results).hasSizeGreaterThan(300);
        for (ScoreResult r : results) {
            ObjectNode generic = mapper.valueToTree(r.explanation());
            generic.set("flags", mapper.valueToTree(r.flags()));
            assertThat(mapper.writeValueAsString(scoring.explanationNode(r))).isEqualTo(mapper.writeValueAsString(generic));
        }
    }
}
