package gov.budgetperf.evaluation.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import gov.budgetperf.evaluation.JsonColumns;
import gov.budgetperf.evaluation.ruleset.GradeBand;
import gov.budgetperf.evaluation.ruleset.GradeBandSet;
import gov.budgetperf.evaluation.ruleset.Overachievement;
import gov.budgetperf.evaluation.ruleset.RuleSet;
import gov.budgetperf.evaluation.scoring.Explanation;
import gov.budgetperf.evaluation.scoring.Flag;
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

    /** Parsed rules kept at most (distinct rule documents; a rule set has a few dozen). */
    static final int RULE_CACHE_LIMIT = 10_000;

    @Inject
    ObjectMapper mapper;

    /** Each distinct rule document parsed once (rules are immutable records; the keys are private copies). */
    private final Map<JsonNode, ScoringRule> rules = new ConcurrentHashMap<>();

    /** An indicator's input that the rule cannot accept (it stays unscored, and a finding says why). */
    public record Unscored(String code, String field, String message) {
    }

    /**
     * What scoring needs from a rule-set version, looked up once for every evaluation scored with it.
     *
     * @param version the rule set's label, named by every explanation
     * @param policy its over-achievement policy
     * @param bands its grade bands
     * @param managed whether the evaluations are entities Hibernate manages: a new explanation is then given as the
     *        column reads it back ({@link JsonColumns#canonical}), so that it equals its snapshot after a flush and the
     *        row is not written again at the next flush of the transaction
     */
    public record Context(String version, OverachievementPolicy policy, GradeBands bands, boolean managed) {
    }

    /** The scoring context of a rule-set version, for managed entities (reads its grade band set). */
    public Context context(RuleSet ruleSet) {
        return new Context(ruleSet.label(), policy(ruleSet.overachievement), bands(ruleSet.gradeBandSet), true);
    }

    /** The scoring context of a rule-set version, for evaluations that are plain objects (not managed). */
    public Context detachedContext(RuleSet ruleSet) {
        return new Context(ruleSet.label(), policy(ruleSet.overachievement), bands(ruleSet.gradeBandSet), false);
    }

    /** Rescores in place; returns the leaves left unscored and why. */
    public List<Unscored> rescore(Evaluation e) {
        return rescore(e, context(e.ruleSet));
    }

    /**
     * Rescores in place with the context of the evaluation's rule set; returns the leaves left unscored and why. An
     * explanation is replaced only when it differs from the one the indicator has (see {@link #setExplanation}).
     */
    public List<Unscored> rescore(Evaluation e, Context context) {
        String version = context.version();
        OverachievementPolicy policy = context.policy();
        List<Unscored> unscored = new ArrayList<>();
        List<ScoredIndicator> scored = new ArrayList<>();
        Map<String, List<Indicator>> children = new HashMap<>();
        for (Indicator i : e.indicators) {
            if (i.parentCode != null) {
                children.computeIfAbsent(i.parentCode, k -> new ArrayList<>()).add(i);
            }
            if (i.rule == null) {
                continue;
            }
            if (i.notApplicable) {
                i.score = null;
                setExplanation(i, context, mapper.valueToTree(Map.of("notApplicable", true, "ruleSetVersion", version)));
                scored.add(ScoredIndicator.notApplicable(i.code, i.weight));
                continue;
            }
            try {
                ScoringRule rule = rule(i.rule);
                ScoreResult r = Scorer.score(rule, i.weight, input(i), policy, version);
                i.score = r.score();
                setExplanation(i, context, explanationNode(r));
                scored.add(ScoredIndicator.of(i.code, i.weight, r.score()));
            } catch (ScoringException ex) {
                i.score = null;
                setExplanation(i, context, mapper.valueToTree(Map.of("error", ex.getMessage(), "field", ex.field(),
                        "ruleSetVersion", version)));
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
                for (Indicator c : children.getOrDefault(n.code, List.of())) {
                    if (c.score != null) {
                        sum = sum == null ? c.score : sum.add(c.score);
                    }
                }
                n.score = sum;
            }
        }
        if (unscored.isEmpty() && scored.stream().anyMatch(s -> !s.notApplicable())) {
            TotalResult t = Totals.total(scored, context.bands());
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
     * A score's explanation as JSON: the tree {@code mapper.valueToTree(r.explanation())} gives (numbers without
     * trailing zeros), with the flags added as {@code "flags"}. Built directly, node by node: the scoring of many
     * evaluations spent much of its time in Jackson's generic conversion.
     */
    ObjectNode explanationNode(ScoreResult r) {
        Explanation x = r.explanation();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.set("ruleType", value(x.ruleType()));
        n.set("parameters", values(x.parameters()));
        n.set("inputs", values(x.inputs()));
        n.set("formula", value(x.formula()));
        n.set("rawScore", value(x.rawScore()));
        n.set("score", value(x.score()));
        n.set("ruleSetVersion", value(x.ruleSetVersion()));
        ArrayNode notes = n.putArray("notes");
        for (String note : x.notes()) {
            notes.add(value(note));
        }
        ArrayNode flags = n.putArray("flags");
        for (Flag flag : r.flags()) {
            flags.add(value(flag));
        }
        return n;
    }

    private ObjectNode values(Map<String, Object> values) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        values.forEach((k, v) -> n.set(k, value(v)));
        return n;
    }

    /** A value as valueToTree converts it; anything unusual is left to Jackson. */
    private JsonNode value(Object v) {
        if (v == null) {
            return NullNode.getInstance();
        }
        if (v instanceof BigDecimal d) {
            // as Jackson reads a BigDecimal into a tree (JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            return DecimalNode.valueOf(d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros());
        }
        if (v instanceof String t) {
            return TextNode.valueOf(t);
        }
        if (v instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        if (v instanceof Enum<?> e) {
            return TextNode.valueOf(e.name());
        }
        return mapper.valueToTree(v);
    }

    /** A leaf's rule, parsed once per distinct rule document. */
    ScoringRule rule(JsonNode json) throws JsonProcessingException {
        ScoringRule rule = rules.get(json);
        if (rule == null) {
            rule = mapper.treeToValue(json, ScoringRule.class);
            if (rules.size() >= RULE_CACHE_LIMIT) {
                rules.clear();
            }
            rules.put(json.deepCopy(), rule);
        }
        return rule;
    }

    /**
     * Replaces an explanation only when it says something else: the one read from the database may hold other node
     * types (100 for 1E+2, keys in another order), and a needless assignment rewrites the row at every flush.
     */
    private static void setExplanation(Indicator i, Context context, JsonNode explanation) {
        if (!JsonColumns.same(i.scoreExplanation, explanation)) {
            i.scoreExplanation = context.managed() ? JsonColumns.canonical(explanation) : explanation;
        }
    }

    /** The band set of the evaluation's rule set. */
    public GradeBands bands(Evaluation e) {
        return bands(e.ruleSet.gradeBandSet);
    }

    private static GradeBands bands(String bandSet) {
        List<GradeBand> bands = GradeBandSet.byCode(bandSet).map(b -> b.bands).orElse(null);
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
