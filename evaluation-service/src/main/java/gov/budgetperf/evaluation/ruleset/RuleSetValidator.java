package gov.budgetperf.evaluation.ruleset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.budgetperf.common.problem.Violation;
import gov.budgetperf.evaluation.scoring.Direction;
import gov.budgetperf.evaluation.scoring.MetricPath;
import gov.budgetperf.evaluation.scoring.ScoringException;
import gov.budgetperf.evaluation.scoring.ScoringRule;

/**
 * Checks a rule set's tree before it is stored: weights add up (children to their parent, first level to 100), every
 * leaf has a valid scoring rule whose direction agrees with the node's, codes are unique, at most three levels. A
 * budget-linked rule must name a rate budget-service publishes ({@link MetricPath}) and give its target in percent
 * ({@code targetPercent}; the ratio {@code target} of version-1 rule sets is not accepted in new ones). Each violation
 * names the node.
 */
public final class RuleSetValidator {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> DIRECTIONS = Set.of(">=", "<=", "=");

    private final ObjectMapper mapper;
    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> codes = new HashSet<>();

    public RuleSetValidator(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<Violation> validate(RuleTree tree) {
        violations.clear();
        codes.clear();
        if (tree == null || tree.nodes() == null || tree.nodes().isEmpty()) {
            violations.add(new Violation("tree.nodes", "a rule set needs at least one first-level indicator"));
            return violations;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < tree.nodes().size(); i++) {
            NodeDefinition n = tree.nodes().get(i);
            String path = "tree.nodes[" + i + "]";
            if (n.weight() == null) {
                violations.add(new Violation(path + ".weight",
                        n.code() + " (" + n.name() + "): a first-level indicator needs a weight"));
            } else {
                sum = sum.add(n.weight());
            }
            node(n, path, 1);
        }
        if (sum.compareTo(HUNDRED) != 0) {
            violations
                    .add(new Violation("tree.nodes", "first-level weights add up to " + sum.stripTrailingZeros().toPlainString()
                            + ", not 100"));
        }
        return List.copyOf(violations);
    }

    private void node(NodeDefinition n, String path, int level) {
        String label = n.code() + " (" + n.name() + ")";
        if (!codes.add(n.code())) {
            violations.add(new Violation(path + ".code", "duplicate indicator code " + n.code()));
        }
        if (level > 3) {
            violations.add(new Violation(path, label + ": at most three levels (一级/二级/三级)"));
            return;
        }
        if (n.weight() != null && n.weight().signum() <= 0) {
            violations.add(new Violation(path + ".weight", label + ": weight must be positive"));
        }
        if (n.direction() != null && !DIRECTIONS.contains(n.direction())) {
            violations.add(new Violation(path + ".direction", label + ": direction is one of >=, <=, ="));
        }
        if (n.weight() == null && !n.acceptsCustom()) {
            violations.add(new Violation(path + ".weight", label + ": only an extensible node may leave its weight open"));
        }
        if (n.leaf()) {
            if (n.acceptsCustom()) {
                return; // departments add its third-level indicators
            }
            if (n.rule() == null || n.rule().isNull()) {
                violations.add(new Violation(path + ".rule", label + ": a leaf indicator needs a scoring rule"));
            } else {
                String problem = ruleProblem(mapper, n.rule());
                if (problem != null) {
                    violations.add(new Violation(path + ".rule", label + ": " + problem));
                } else {
                    String contradiction = contradiction(n.direction(), rule(mapper, n.rule()));
                    if (contradiction != null) {
                        violations.add(new Violation(path + ".direction", label + ": " + contradiction));
                    }
                }
            }
            return;
        }
        if (n.rule() != null && !n.rule().isNull()) {
            violations.add(new Violation(path + ".rule", label + ": only leaf indicators carry a scoring rule"));
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean allWeighted = true;
        for (int i = 0; i < n.children().size(); i++) {
            NodeDefinition c = n.children().get(i);
            if (c.weight() == null) {
                allWeighted = false;
            } else {
                sum = sum.add(c.weight());
            }
            node(c, path + ".children[" + i + "]", level + 1);
        }
        if (n.weight() != null && allWeighted && sum.compareTo(n.weight()) != 0) {
            violations.add(new Violation(path + ".children", "children of " + label + " weigh "
                    + sum.stripTrailingZeros().toPlainString() + ", not " + n.weight().stripTrailingZeros().toPlainString()));
        }
    }

    /**
     * What is wrong with a leaf's scoring rule, or null when nothing is: it must parse, and a budget-linked one must
     * bind a known rate and give its target in percent.
     */
    public static String ruleProblem(ObjectMapper mapper, JsonNode rule) {
        ScoringRule parsed;
        try {
            parsed = mapper.treeToValue(rule, ScoringRule.class);
        } catch (Exception e) {
            return "invalid scoring rule: " + firstLine(e);
        }
        if (parsed instanceof ScoringRule.BudgetLinked linked) {
            if (rule.has(ScoringRule.BudgetLinked.LEGACY_TARGET)) {
                return "a budget-linked rule gives its target in percent as targetPercent (e.g. 100); target is the "
                        + "ratio of version-1 rule sets";
            }
            return linked.path().unknownBecause();
        }
        return null;
    }

    /**
     * Why an indicator's direction (≥ ≤ =) contradicts its rule, or null when it does not (no direction, or a rule
     * that compares none: qualitative, yes/no, manual). A ≤ indicator scored by RATIO_POSITIVE would give full marks
     * for overspending.
     */
    public static String contradiction(String direction, ScoringRule rule) {
        if (direction == null || rule == null || rule.scoredDirection() == null) {
            return null;
        }
        Direction d;
        try {
            d = Direction.of(direction);
        } catch (ScoringException e) {
            return e.getMessage();
        }
        if (d == rule.scoredDirection()) {
            return null;
        }
        return "direction " + d.sign() + " contradicts its rule " + rule.ruleType() + ", which scores "
                + rule.scoredDirection().sign() + (rule instanceof ScoringRule.BudgetLinked
                        ? " (give the rule \"direction\": \"" + d.symbol() + "\")"
                        : "");
    }

    private static ScoringRule rule(ObjectMapper mapper, JsonNode rule) {
        try {
            return mapper.treeToValue(rule, ScoringRule.class);
        } catch (Exception e) {
            return null;
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
