package gov.budgetperf.report.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import gov.budgetperf.report.content.ReportData.Evaluation;
import gov.budgetperf.report.content.ReportData.Indicator;

/**
 * The outline order of an evaluation's indicator tree, shared by every format's indicator table (HTML/PDF, DOCX,
 * XLSX) and by open data: the tree is rebuilt from {@code parentCode} (children kept in input order) and walked depth-first, so the rows
 * under one indicator are always contiguous even if the input is not in depth-first order. Every node without children
 * is a row (its root-to-node path). Parents that are missing make their children roots; cycles are cut.
 */
public final class IndicatorOutline {

    private IndicatorOutline() {
    }

    /** The root-to-node path of every node without children, in outline order; empty without an evaluation. */
    public static List<List<Indicator>> paths(Evaluation evaluation) {
        if (evaluation == null || evaluation.indicators() == null || evaluation.indicators().isEmpty()) {
            return List.of();
        }
        Tree tree = new Tree(evaluation.indicators());
        List<List<Indicator>> paths = new ArrayList<>();
        Set<Indicator> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Indicator root : tree.roots) {
            walk(root, new ArrayList<>(), tree.children, visited, paths);
        }
        return paths;
    }

    /**
     * Every indicator in outline order (a 一级指标, then each of its 二级指标 followed by its 三级指标); members of a cycle,
     * which no root reaches, come after the tree.
     */
    public static List<Indicator> nodes(List<Indicator> indicators) {
        Tree tree = new Tree(indicators);
        List<Indicator> out = new ArrayList<>();
        Set<Indicator> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Indicator root : tree.roots) {
            preorder(root, tree.children, visited, out);
        }
        for (Indicator node : tree.nodes) {
            preorder(node, tree.children, visited, out);
        }
        return out;
    }

    /** The tree rebuilt from {@code parentCode}, children in input order. */
    private static final class Tree {
        final List<Indicator> nodes;
        // Identity maps: two nodes may be equal records (same fields) and still be two nodes.
        final Map<Indicator, List<Indicator>> children = new IdentityHashMap<>();
        final List<Indicator> roots = new ArrayList<>();

        Tree(List<Indicator> indicators) {
            nodes = indicators.stream().filter(Objects::nonNull).toList();
            Map<String, Indicator> byCode = new HashMap<>();
            for (Indicator node : nodes) {
                if (node.code() != null) {
                    byCode.putIfAbsent(node.code(), node);
                }
            }
            for (Indicator node : nodes) {
                Indicator parent = node.parentCode() == null ? null : byCode.get(node.parentCode());
                if (parent == null || parent == node) {
                    roots.add(node);
                } else {
                    children.computeIfAbsent(parent, p -> new ArrayList<>()).add(node);
                }
            }
        }
    }

    private static void preorder(Indicator node, Map<Indicator, List<Indicator>> children, Set<Indicator> visited,
            List<Indicator> out) {
        if (!visited.add(node)) {
            return;
        }
        out.add(node);
        for (Indicator kid : children.getOrDefault(node, List.of())) {
            preorder(kid, children, visited, out);
        }
    }

    /** Depth-first: collects the root-to-leaf path of every node without children. */
    private static void walk(Indicator node, List<Indicator> path, Map<Indicator, List<Indicator>> children,
            Set<Indicator> visited, List<List<Indicator>> paths) {
        if (!visited.add(node)) {
            return;
        }
        path.add(node);
        List<Indicator> kids = children.getOrDefault(node, List.of());
        if (kids.isEmpty()) {
            paths.add(List.copyOf(path));
        } else {
            for (Indicator kid : kids) {
                walk(kid, path, children, visited, paths);
            }
        }
        path.remove(path.size() - 1);
    }
}
