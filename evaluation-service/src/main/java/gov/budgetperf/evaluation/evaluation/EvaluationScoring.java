package gov.budgetperf.evaluation.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.budgetperf.evaluation.ruleset.GradeBand;
import gov.budgetperf.evaluation.ruleset.GradeBandSet;
import gov.budgetperf.evaluation.ruleset.Overachievement;
import gov.budgetperf.evaluation.scoring.GradeBands;
import gov.budgetperf.evaluation.scoring.OverachievementPolicy;
import gov.budgetperf.evaluation.scoring.QualitativeBand;
import gov.budgetperf.evaluation.scoring.ScoreResult;
import gov.budgetperf.evaluation.scoring.ScoredIndicator;
import gov.budgetperf.evaluation.scoring.Scorer;
import gov.budgetperf.evaluation.scoring.ScoringException;
import gov.budgetperf.evaluation.scoring.ScoringInput;
import gov.budgetperf.evaluation.scoring.ScoringRule;
import gov.budgetperf.evaluation.scoring.TotalResult;
import gov.budgetperf.evaluation.scoring.Totals;

/**
 * Scores every indicator of an evaluation with its rule and totals the tree: leaves by their rules, inner nodes as
 * the sum of their children's rounded scores, the total as the sum of rounded leaf scores (rescaled to 100 when some
 * are not applicable), the grade from the rule set's band set.
 */
@ApplicationScoped
public class EvaluationScoring {

    @Inject
    ObjectMapper mapper;

    /** An indicator's input that the rule cannot accept (it stays unscored, and a finding says why). */
    public record Unscored(String code, String field, String message) {
    }

    /** Rescores in place; returns the leaves left unscored and why. */
    public List<Unscored> rescore(Evaluation e) {
        String version = e.ruleSet.label();
        OverachievementPolicy policy = policy(e.ruleSet.overachievement);
        List<Unscored> unscored = new ArrayList<>();
        List<ScoredIndicator> scored = new ArrayList<>();
        for (Indicator i : e.leaves()) {
            if (i.notApplicable) {
                i.score = null;
                i.scoreExplanation = mapper.valueToTree(Map.of("notApplicable", true, "ruleSetVersion", version));
                scored.add(ScoredIndicator.notApplicable(i.code, i.weight));
                continue;
            }
            try {
                ScoringRule rule = mapper.treeToValue(i.rule, ScoringRule.class);
                ScoreResult r = Scorer.score(rule, i.weight, input(i), policy, version);
                i.score = r.score();
                ObjectNode explanation = mapper.valueToTree(r.explanation());
                explanation.set("flags", mapper.valueToTree(r.flags()));
                setExplanation(i, explanation);
                scored.add(ScoredIndicator.of(i.code, i.weight, r.score()));
            } catch (ScoringException ex) {
                i.score = null;
                i.scoreExplanation = mapper.valueToTree(Map.of("error", ex.getMessage(), "field", ex.field(),
                        "ruleSetVersion", version));
                unscored.add(new Unscored(i.code, ex.field(), ex.getMessage()));
            } catch (JsonProcessingException | IllegalArgumentException ex) {
                i.score = null;
                unscored.add(new Unscored(i.code, "rule", "invalid rule: " + ex.getMessage()));
            }
        }
        // inner nodes: sum of their children's rounded scores (bottom-up: level 2, then level 1)
        for (int level = 2; level >= 1; level--) {
            for (Indicator n : e.indicators) {
                if (n.level != level || n.rule != null) {
                    continue;
                }
                BigDecimal sum = null;
                for (Indicator c : e.children(n.code)) {
                    if (c.score != null) {
                        sum = sum == null ? c.score : sum.add(c.score);
                    }
                }
                n.score = sum;
            }
        }
        if (unscored.isEmpty() && scored.stream().anyMatch(s -> !s.notApplicable())) {
            TotalResult t = Totals.total(scored, bands(e));
            e.total = t.total();
            e.grade = t.grade();
            e.rescaled = t.rescaled();
        } else {
            e.total = null;
            e.grade = null;
            e.rescaled = false;
        }
        return unscored;
    }

    /**
     * Replaces an explanation only when its JSON text changes: a number read back from the database may be another
     * node type than the one computed (20 vs 20.00), and a needless assignment rewrites the row at every flush.
     */
    private void setExplanation(Indicator i, ObjectNode explanation) {
        if (i.scoreExplanation == null || !i.scoreExplanation.toString().equals(explanation.toString())) {
            i.scoreExplanation = explanation;
        }
    }

    /** The band set of the evaluation's rule set. */
    public GradeBands bands(Evaluation e) {
        List<GradeBand> bands = GradeBandSet.byCode(e.ruleSet.gradeBandSet).map(b -> b.bands).orElse(null);
        if (bands == null) {
            return GradeBands.defaults();
        }
        return new GradeBands(bands.stream().map(b -> new GradeBands.Band(b.grade(), b.min())).toList());
    }

    private static OverachievementPolicy policy(Overachievement o) {
        if (o == null || o.bound() == null) {
            return OverachievementPolicy.off();
        }
        return new OverachievementPolicy(o.bound(), o.deductByDeviation(), o.maxDeductionFraction());
    }

    private static ScoringInput input(Indicator i) {
        return new ScoringInput(i.target, i.actual, i.band == null ? null : QualitativeBand.valueOf(i.band), i.proposedScore,
                i.yes, i.justification);
    }

}
