package gov.budgetperf.evaluation.evaluation;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

import gov.budgetperf.evaluation.JsonColumns;
import gov.budgetperf.evaluation.events.EvaluationEvents;
import gov.budgetperf.evaluation.ruleset.NodeDefinition;
import gov.budgetperf.evaluation.ruleset.RuleSet;

/**
 * Moves draft and returned evaluations to a new version of their rule set and rescores them, in batches of
 * {@code evaluation.migration.batch-size} (100) evaluations, each batch in its own transaction (a failure leaves the
 * batches that had finished moved; running it again finishes the rest).
 * <p>
 * A batch works on plain objects, not on managed entities: it reads its evaluations (locked: FOR UPDATE) and their
 * indicators with two statements, moves and rescores them in memory with the same code as the rest of the service
 * ({@link EvaluationService#moveTree}, {@link EvaluationService#applyBudgetFigures}, {@link EvaluationScoring}), and
 * writes back only what changed with one set-based statement per table: no Hibernate snapshots of JSON columns, no
 * dirty checking, no statement per row. Each moved evaluation gets one new version, an audit entry
 * (RULE_SET_MIGRATED) and a scored event through the outbox, as before. Batches touch disjoint evaluations, so
 * {@code evaluation.migration.parallel-batches} of them run at the same time.
 */
@ApplicationScoped
public class RuleSetMigration {

    @Inject
    EntityManager em;

    @Inject
    EvaluationScoring scoring;

    @Inject
    EvaluationEvents events;

    /** Evaluations moved per transaction. */
    @ConfigProperty(name = "evaluation.migration.batch-size", defaultValue = "100")
    int batchSize;

    /** Batches moved at the same time, each on its own thread and connection. */
    @ConfigProperty(name = "evaluation.migration.parallel-batches", defaultValue = "2")
    int parallelBatches;

    /** What every batch of one migration shares: the target version, its flattened tree, parsed rules. */
    private static final class Plan {
        final RuleSet target;
        final Map<String, NodeDefinition> nodes = new LinkedHashMap<>();
        final Map<String, String> parents = new HashMap<>();
        final EvaluationScoring.Context context;
        final String actor;
        /** Stored rule documents, parsed once per distinct text. */
        final Map<String, JsonNode> rules = new ConcurrentHashMap<>();

        Plan(RuleSet target, EvaluationScoring.Context context, String actor) {
            this.target = target;
            this.context = context;
            this.actor = actor;
            EvaluationService.flatten(target.tree.nodes(), null, nodes, parents);
        }

        JsonNode rule(String text) {
            return text == null ? null : rules.computeIfAbsent(text, RuleSetMigration::parse);
        }
    }

    /** What an indicator held when it was read, to write back only indicators that changed. */
    private record Before(String name, BigDecimal weight, String explanation, String unit, String direction,
            boolean extensible, JsonNode rule, BigDecimal actual, String actualText, BigDecimal score,
            JsonNode scoreExplanation) {

        static Before of(Indicator i) {
            return new Before(i.name, i.weight, i.explanation, i.unit, i.direction, i.extensible, i.rule, i.actual,
                    i.actualText, i.score, i.scoreExplanation);
        }

        boolean ruleChanged(Indicator i) {
            return !JsonColumns.same(rule, i.rule);
        }

        /** The scoring replaces an explanation only when it differs (identity tells). */
        boolean explanationChanged(Indicator i) {
            return scoreExplanation != i.scoreExplanation;
        }

        boolean changed(Indicator i) {
            return !Objects.equals(name, i.name) || !same(weight, i.weight) || !Objects.equals(explanation, i.explanation)
                    || !Objects.equals(unit, i.unit) || !Objects.equals(direction, i.direction)
                    || extensible != i.extensible || !same(actual, i.actual) || !Objects.equals(actualText, i.actualText)
                    || !same(score, i.score) || ruleChanged(i) || explanationChanged(i);
        }
    }

    /** One evaluation of a batch: its state as read, and as it will be written. */
    private static final class Moved {
        final Evaluation evaluation;
        final String previousRuleSet;
        final long readVersion;
        final Map<Indicator, Before> before = new IdentityHashMap<>();
        final Set<Long> readIds = new HashSet<>();

        Moved(Evaluation evaluation, String previousRuleSet, long readVersion) {
            this.evaluation = evaluation;
            this.previousRuleSet = previousRuleSet;
            this.readVersion = readVersion;
        }
    }

    /**
     * Moves the given evaluations (those still draft or returned and on an earlier version of the target's code) to
     * the target version; returns the number of indicators they have afterwards.
     */
    public int run(RuleSet target, List<Long> ids, String actor) {
        Plan plan = new Plan(target, scoring.detachedContext(target), actor);
        List<List<Long>> batches = new ArrayList<>();
        int size = Math.max(1, batchSize);
        for (int from = 0; from < ids.size(); from += size) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + size)));
        }
        int threads = Math.max(1, Math.min(parallelBatches, batches.size()));
        if (threads == 1) {
            int indicators = 0;
            for (List<Long> batch : batches) {
                indicators += QuarkusTransaction.requiringNew().call(() -> batch(plan, batch));
            }
            return indicators;
        }
        AtomicInteger thread = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rule-set-migration-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (List<Long> batch : batches) {
                results.add(pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> batch(plan, batch))));
            }
            int indicators = 0;
            for (Future<Integer> f : results) {
                indicators += f.get();
            }
            return indicators;
        } catch (ExecutionException ex) {
            // batches not started yet are not started; those running finish (each commits or rolls back on its own)
            // before the caller hears of the failure, so a second run finds a settled state
            results.forEach(r -> r.cancel(false));
            awaitTermination(pool);
            if (ex.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while moving evaluations to " + target.label(), ex);
        } finally {
            pool.shutdown();
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One batch, in the caller's transaction: read, move, rescore, write; the events last. */
    private int batch(Plan plan, List<Long> ids) {
        List<Moved> moved = em.unwrap(Session.class).doReturningWork(c -> {
            List<Moved> batch = read(c, plan, ids);
            move(c, plan, batch);
            write(c, plan, batch);
            return batch;
        });
        int indicators = 0;
        for (Moved m : moved) {
            events.scoredFlushed(m.evaluation);
            indicators += m.evaluation.indicators.size();
        }
        return indicators;
    }

    // ------------------------------------------------------------------------------------------------ reading

    private static List<Moved> read(Connection c, Plan plan, List<Long> ids) throws SQLException {
        Map<Long, Moved> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.subject_type, e.department_code, e.fiscal_year, "
                + "e.project_code, e.kind, e.status, e.total, e.grade, e.rescaled, e.budget_data_version, e.version, "
                + "r.code, r.version FROM evaluation e JOIN rule_set r ON r.id = e.rule_set_id "
                + "WHERE e.id = ANY(?) AND r.code = ? AND r.version < ? AND e.status IN ('DRAFT', 'RETURNED') "
                + "ORDER BY e.id FOR UPDATE OF e")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray(new Long[0])));
            ps.setString(2, plan.target.code);
            ps.setInt(3, plan.target.version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Evaluation e = new Evaluation();
                    e.id = rs.getLong(1);
                    e.subjectType = RuleSet.SubjectType.valueOf(rs.getString(2));
                    e.departmentCode = rs.getString(3);
                    e.fiscalYear = rs.getInt(4);
                    e.projectCode = rs.getString(5);
                    e.kind = Evaluation.Kind.valueOf(rs.getString(6));
                    e.status = Evaluation.Status.valueOf(rs.getString(7));
                    e.total = rs.getBigDecimal(8);
                    e.grade = rs.getString(9);
                    e.rescaled = rs.getBoolean(10);
                    long budgetDataVersion = rs.getLong(11);
                    e.budgetDataVersion = rs.wasNull() ? null : budgetDataVersion;
                    e.version = rs.getLong(12);
                    byId.put(e.id, new Moved(e, rs.getString(13) + "/v" + rs.getInt(14), e.version));
                }
            }
        }
        if (byId.isEmpty()) {
            return List.of();
        }
        // An explanation of another rule-set version differs from every new one: its text is not even read (the
        // scoring compares with a stand-in that names the old version, and replaces it).
        try (PreparedStatement ps = c.prepareStatement("SELECT i.id, i.evaluation_id, i.parent_code, i.level, i.position, "
                + "i.code, i.name, i.weight, i.explanation, i.unit, i.direction, i.extensible, i.custom, i.rule::text, "
                + "i.target, i.target_text, i.actual, i.actual_text, i.band, i.proposed_score, i.yes, i.justification, "
                + "i.not_applicable, i.score, i.score_explanation IS NULL, i.score_explanation->>'ruleSetVersion', "
                + "CASE WHEN i.score_explanation->>'ruleSetVersion' = ? THEN i.score_explanation::text END "
                + "FROM indicator i WHERE i.evaluation_id = ANY(?) ORDER BY i.evaluation_id, i.level, i.position, i.id")) {
            ps.setString(1, plan.context.version());
            ps.setArray(2, c.createArrayOf("bigint", byId.keySet().toArray(new Long[0])));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Moved m = byId.get(rs.getLong(2));
                    Indicator i = new Indicator();
                    i.id = rs.getLong(1);
                    i.evaluation = m.evaluation;
                    i.parentCode = rs.getString(3);
                    i.level = rs.getInt(4);
                    i.position = rs.getInt(5);
                    i.code = rs.getString(6);
                    i.name = rs.getString(7);
                    i.weight = rs.getBigDecimal(8);
                    i.explanation = rs.getString(9);
                    i.unit = rs.getString(10);
                    i.direction = rs.getString(11);
                    i.extensible = rs.getBoolean(12);
                    i.custom = rs.getBoolean(13);
                    i.rule = plan.rule(rs.getString(14));
                    i.target = rs.getBigDecimal(15);
                    i.targetText = rs.getString(16);
                    i.actual = rs.getBigDecimal(17);
                    i.actualText = rs.getString(18);
                    i.band = rs.getString(19);
                    i.proposedScore = rs.getBigDecimal(20);
                    i.yes = (Boolean) rs.getObject(21);
                    i.justification = rs.getString(22);
                    i.notApplicable = rs.getBoolean(23);
                    i.score = rs.getBigDecimal(24);
                    if (!rs.getBoolean(25)) {
                        String text = rs.getString(27);
                        if (text != null) {
                            i.scoreExplanation = parse(text);
                        } else {
                            ObjectNode standIn = JsonColumns.MAPPER.createObjectNode();
                            standIn.put("ruleSetVersion", rs.getString(26));
                            i.scoreExplanation = standIn;
                        }
                    }
                    m.evaluation.indicators.add(i);
                    m.before.put(i, Before.of(i));
                    m.readIds.add(i.id);
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    // ------------------------------------------------------------------------------------------------ moving

    private void move(Connection c, Plan plan, List<Moved> batch) throws SQLException {
        for (Moved m : batch) {
            EvaluationService.moveTree(m.evaluation, plan.target, plan.nodes, plan.parents);
        }
        Map<String, EvaluationService.Figures> figures = figures(c, batch);
        for (Moved m : batch) {
            Evaluation e = m.evaluation;
            EvaluationService.applyBudgetFigures(e, (dept, year, project) -> Optional
                    .ofNullable(figures.get(figuresKey(dept, year, project))));
            scoring.rescore(e, plan.context);
            e.version = m.readVersion + 1;
        }
    }

    /** The stored budget figures the batch's budget-linked indicators may need, by one statement. */
    private static Map<String, EvaluationService.Figures> figures(Connection c, List<Moved> batch) throws SQLException {
        List<String> depts = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<String> projects = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Moved m : batch) {
            Evaluation e = m.evaluation;
            if (e.indicators.stream().noneMatch(EvaluationChecks::isBudgetLinked)) {
                continue;
            }
            for (String project : e.projectCode == null ? List.of("") : List.of("", e.projectCode)) {
                if (keys.add(figuresKey(e.departmentCode, e.fiscalYear, project))) {
                    depts.add(e.departmentCode);
                    years.add(e.fiscalYear);
                    projects.add(project);
                }
            }
        }
        Map<String, EvaluationService.Figures> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT f.department_code, f.fiscal_year, f.project_code, "
                + "f.data_version, f.metrics::text FROM budget_figures f "
                + "JOIN unnest(?::text[], ?::int[], ?::text[]) AS k(department_code, fiscal_year, project_code) "
                + "ON k.department_code = f.department_code AND k.fiscal_year = f.fiscal_year "
                + "AND k.project_code = f.project_code")) {
            ps.setArray(1, c.createArrayOf("text", depts.toArray()));
            ps.setArray(2, c.createArrayOf("int4", years.toArray()));
            ps.setArray(3, c.createArrayOf("text", projects.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(figuresKey(rs.getString(1), rs.getInt(2), rs.getString(3)),
                            new EvaluationService.Figures(rs.getLong(4), parse(rs.getString(5))));
                }
            }
        }
        return out;
    }

    private static String figuresKey(String department, int year, String project) {
        return department + '\u0000' + year + '\u0000' + (project == null ? "" : project);
    }

    // ------------------------------------------------------------------------------------------------ writing

    private void write(Connection c, Plan plan, List<Moved> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        deleteDropped(c, batch);
        insertAdded(c, batch);
        updateChanged(c, batch);
        updateEvaluations(c, plan, batch);
        audit(c, plan, batch);
    }

    private static void deleteDropped(Connection c, List<Moved> batch) throws SQLException {
        List<Long> dropped = new ArrayList<>();
        for (Moved m : batch) {
            Set<Long> kept = new HashSet<>();
            for (Indicator i : m.evaluation.indicators) {
                if (i.id != null) {
                    kept.add(i.id);
                }
            }
            for (Long id : m.readIds) {
                if (!kept.contains(id)) {
                    dropped.add(id);
                }
            }
        }
        if (dropped.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM indicator WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", dropped.toArray()));
            ps.executeUpdate();
        }
    }

    private static void insertAdded(Connection c, List<Moved> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO indicator (evaluation_id, parent_code, level, position, "
                + "code, name, weight, explanation, unit, direction, extensible, custom, rule, actual, actual_text, "
                + "score, score_explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, "
                + "CAST(? AS jsonb))")) {
            int rows = 0;
            for (Moved m : batch) {
                for (Indicator i : m.evaluation.indicators) {
                    if (i.id != null) {
                        continue;
                    }
                    ps.setLong(1, m.evaluation.id);
                    ps.setString(2, i.parentCode);
                    ps.setInt(3, i.level);
                    ps.setInt(4, i.position);
                    ps.setString(5, i.code);
                    ps.setString(6, i.name);
                    ps.setBigDecimal(7, i.weight);
                    ps.setString(8, i.explanation);
                    ps.setString(9, i.unit);
                    ps.setString(10, i.direction);
                    ps.setBoolean(11, i.extensible);
                    ps.setBoolean(12, i.custom);
                    ps.setString(13, json(i.rule));
                    ps.setBigDecimal(14, i.actual);
                    ps.setString(15, i.actualText);
                    ps.setBigDecimal(16, i.score);
                    ps.setString(17, json(i.scoreExplanation));
                    ps.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
    }

    /**
     * The indicators whose columns changed, by one statement: their new values go as one JSON document (the rule and
     * the explanation only where they changed, as JSON inside it), so nothing is escaped twice and PostgreSQL parses
     * it once.
     */
    private static void updateChanged(Connection c, List<Moved> batch) throws SQLException {
        ArrayNode rows = JsonColumns.MAPPER.createArrayNode();
        for (Moved m : batch) {
            for (Indicator i : m.evaluation.indicators) {
                Before b = i.id == null ? null : m.before.get(i);
                if (b == null || !b.changed(i)) {
                    continue;
                }
                boolean rule = b.ruleChanged(i);
                boolean explanation = b.explanationChanged(i);
                ObjectNode row = rows.addObject();
                row.put("id", i.id);
                row.put("name", i.name);
                row.put("weight", i.weight);
                row.put("explanation", i.explanation);
                row.put("unit", i.unit);
                row.put("direction", i.direction);
                row.put("extensible", i.extensible);
                row.put("rule_changed", rule);
                row.set("rule", rule ? i.rule : null);
                row.put("actual", i.actual);
                row.put("actual_text", i.actualText);
                row.put("score", i.score);
                row.put("score_explanation_changed", explanation);
                row.set("score_explanation", explanation ? i.scoreExplanation : null);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE indicator i SET name = v.name, weight = v.weight, "
                + "explanation = v.explanation, unit = v.unit, direction = v.direction, extensible = v.extensible, "
                + "rule = CASE WHEN v.rule_changed THEN v.rule ELSE i.rule END, actual = v.actual, "
                + "actual_text = v.actual_text, score = v.score, score_explanation = CASE WHEN v.score_explanation_changed "
                + "THEN v.score_explanation ELSE i.score_explanation END "
                + "FROM jsonb_to_recordset(CAST(? AS jsonb)) AS v(id bigint, name text, weight numeric, explanation text, "
                + "unit text, direction text, extensible boolean, rule_changed boolean, rule jsonb, actual numeric, "
                + "actual_text text, score numeric, score_explanation_changed boolean, score_explanation jsonb) "
                + "WHERE i.id = v.id")) {
            ps.setString(1, json(rows));
            int updated = ps.executeUpdate();
            if (updated != rows.size()) {
                throw new OptimisticLockException("indicators changed while evaluations moved to a new rule set: "
                        + updated + " of " + rows.size() + " updated");
            }
        }
    }

    /** New rule set, totals and one new version per evaluation (checked against the version read). */
    private static void updateEvaluations(Connection c, Plan plan, List<Moved> batch) throws SQLException {
        List<Object> ids = new ArrayList<>();
        List<Object> versions = new ArrayList<>();
        List<Object> totals = new ArrayList<>();
        List<Object> grades = new ArrayList<>();
        List<Object> rescaled = new ArrayList<>();
        List<Object> budgetDataVersions = new ArrayList<>();
        for (Moved m : batch) {
            Evaluation e = m.evaluation;
            ids.add(e.id);
            versions.add(m.readVersion);
            totals.add(e.total);
            grades.add(e.grade);
            rescaled.add(e.rescaled);
            budgetDataVersions.add(e.budgetDataVersion);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE evaluation e SET rule_set_id = ?, total = v.total, "
                + "grade = v.grade, rescaled = v.rescaled, budget_data_version = v.budget_data_version, "
                + "version = e.version + 1, updated_at = now() "
                + "FROM unnest(?::bigint[], ?::bigint[], ?::numeric[], ?::text[], ?::boolean[], ?::bigint[]) "
                + "AS v(id, version, total, grade, rescaled, budget_data_version) "
                + "WHERE e.id = v.id AND e.version = v.version")) {
            ps.setLong(1, plan.target.id);
            ps.setArray(2, array(c, "bigint", ids));
            ps.setArray(3, array(c, "bigint", versions));
            ps.setArray(4, array(c, "numeric", totals));
            ps.setArray(5, array(c, "text", grades));
            ps.setArray(6, array(c, "boolean", rescaled));
            ps.setArray(7, array(c, "bigint", budgetDataVersions));
            int updated = ps.executeUpdate();
            if (updated != ids.size()) {
                throw new OptimisticLockException("evaluations changed while they moved to a new rule set: " + updated
                        + " of " + ids.size() + " updated");
            }
        }
    }

    private static void audit(Connection c, Plan plan, List<Moved> batch) throws SQLException {
        List<Object> ids = new ArrayList<>();
        List<Object> details = new ArrayList<>();
        for (Moved m : batch) {
            ObjectNode detail = JsonColumns.MAPPER.createObjectNode();
            detail.put("from", m.previousRuleSet);
            detail.put("to", plan.target.label());
            ids.add(m.evaluation.id);
            details.add(detail.toString());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (evaluation_id, actor, action, detail) "
                + "SELECT v.id, ?, 'RULE_SET_MIGRATED', CAST(v.detail AS jsonb) "
                + "FROM unnest(?::bigint[], ?::text[]) WITH ORDINALITY AS v(id, detail, n) ORDER BY v.n")) {
            ps.setString(1, plan.actor);
            ps.setArray(2, array(c, "bigint", ids));
            ps.setArray(3, array(c, "text", details));
            ps.executeUpdate();
        }
    }

    private static Array array(Connection c, String type, List<Object> values) throws SQLException {
        return c.createArrayOf(type, values.toArray());
    }

    private static JsonNode parse(String json) {
        try {
            return JsonColumns.MAPPER.readTree(json);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("unreadable JSON column: " + ex.getMessage(), ex);
        }
    }

    private static String json(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return JsonColumns.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
