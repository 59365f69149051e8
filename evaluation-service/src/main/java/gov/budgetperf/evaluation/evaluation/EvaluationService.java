package gov.budgetperf.evaluation.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.problem.Violation;
import gov.budgetperf.common.security.CallerAccess;
import gov.budgetperf.common.web.Page;
import gov.budgetperf.common.web.PageRequest;
import gov.budgetperf.common.web.Versions;
import gov.budgetperf.evaluation.JsonColumns;
import gov.budgetperf.evaluation.budgetfeed.BudgetFigures;
import gov.budgetperf.evaluation.evaluation.EvaluationViews.Finding;
import gov.budgetperf.evaluation.events.EvaluationEvents;
import gov.budgetperf.evaluation.ruleset.NodeDefinition;
import gov.budgetperf.evaluation.ruleset.RuleSet;
import gov.budgetperf.evaluation.ruleset.RuleSetValidator;
import gov.budgetperf.evaluation.ruleset.RuleTree;
import gov.budgetperf.evaluation.scoring.MetricPath;
import gov.budgetperf.evaluation.scoring.QualitativeBand;
import gov.budgetperf.evaluation.scoring.ScoringException;

/** Evaluations: instantiation from a rule set, filling in, scoring, workflow and audit. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EvaluationService {

    @Inject
    CallerAccess access;

    @Inject
    EvaluationScoring scoring;

    @Inject
    EvaluationChecks checks;

    @Inject
    EvaluationEvents events;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    RuleSetMigration migration;

    public Evaluation get(long id) {
        Evaluation e = Evaluation.findById(id);
        if (e == null) {
            throw ProblemException.notFound("No evaluation " + id);
        }
        access.requireRead(e.departmentCode);
        return e;
    }

    /**
     * An evaluation with its indicators, read by one SQL statement: its version (the ETag), total and grade come from
     * the same snapshot as the indicators' scores. (Two statements, even in one READ COMMITTED transaction, could see a
     * change committed between them.)
     */
    public Evaluation read(long id) {
        Evaluation e = Evaluation.find("select e from Evaluation e left join fetch e.indicators where e.id = ?1", id)
                .<Evaluation>singleResultOptional().orElse(null);
        if (e == null) {
            throw ProblemException.notFound("No evaluation " + id);
        }
        access.requireRead(e.departmentCode);
        return e;
    }

    public Page<Evaluation> list(String departmentCode, Integer year, Evaluation.Status status, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        String own = access.restrictedDepartment();
        if (own != null) {
            q.append(" and departmentCode = :own");
            params.put("own", own);
        }
        if (departmentCode != null) {
            q.append(" and departmentCode = :dept");
            params.put("dept", departmentCode);
        }
        if (year != null) {
            q.append(" and fiscalYear = :year");
            params.put("year", year);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        var query = Evaluation.find(q.toString(), Sort.by("departmentCode").and("fiscalYear").and("id"), params)
                .page(page.page, page.size);
        return new Page<>(query.list(), page.page, page.size, query.count());
    }

    @Transactional
    public Evaluation create(EvaluationInputs.Create in) {
        access.requireWrite(in.departmentCode());
        Evaluation.Kind kind = in.kind() == null ? Evaluation.Kind.SELF : in.kind();
        if (kind != Evaluation.Kind.SELF && !access.isFinance()) {
            throw ProblemException.forbidden("Only finance creates department and finance evaluations");
        }
        if ((in.subjectType() == RuleSet.SubjectType.PROJECT) != (in.projectCode() != null)) {
            throw ProblemException.invalid("projectCode", "required for a project evaluation and only for one");
        }
        RuleSet ruleSet = (in.ruleSetVersion() == null
                ? RuleSet.inForce(in.ruleSetCode(), LocalDate.of(in.fiscalYear(), 1, 1))
                : RuleSet.byVersion(in.ruleSetCode(), in.ruleSetVersion()).filter(r -> r.status == RuleSet.Status.PUBLISHED))
                .orElseThrow(() -> ProblemException.invalid("ruleSetCode",
                        "no published rule set " + in.ruleSetCode() + " in force for " + in.fiscalYear()));
        if (ruleSet.subjectType != in.subjectType()) {
            throw ProblemException.invalid("ruleSetCode", ruleSet.label() + " evaluates " + ruleSet.subjectType);
        }
        if (Evaluation.count("subjectType = ?1 and departmentCode = ?2 and fiscalYear = ?3 and kind = ?4 and "
                + "(projectCode = ?5 or (?5 is null and projectCode is null))", in.subjectType(), in.departmentCode(),
                in.fiscalYear(), kind, in.projectCode()) > 0) {
            throw ProblemException.conflict("This subject already has a " + kind + " evaluation for " + in.fiscalYear());
        }
        Evaluation e = new Evaluation();
        e.subjectType = in.subjectType();
        e.departmentCode = in.departmentCode();
        e.fiscalYear = in.fiscalYear();
        e.projectCode = in.projectCode();
        e.kind = kind;
        e.ruleSet = ruleSet;
        e.status = Evaluation.Status.DRAFT;
        e.createdBy = access.user();
        instantiate(e, ruleSet.tree);
        applyBudgetFigures(e);
        scoring.rescore(e);
        e.persist();
        audit(e, "CREATED", Map.of("ruleSet", ruleSet.label()));
        // consumers learn that the subject has an evaluation (and its first scores, e.g. budget-linked ones)
        events.scored(e);
        return e;
    }

    @Transactional
    public Evaluation updateValues(long id, String code, EvaluationInputs.Values in, String ifMatch) {
        Evaluation e = editable(id, ifMatch);
        Indicator i = leaf(e, code);
        boolean linked = EvaluationChecks.isBudgetLinked(i);
        if (linked && in.actual() != null && (i.actual == null || in.actual().compareTo(i.actual) != 0)) {
            throw ProblemException.invalid("actual",
                    "the actual value of a budget-linked indicator comes from the budget data");
        }
        if (linked && in.actualText() != null && !in.actualText().equals(i.actualText)) {
            throw ProblemException.invalid("actualText",
                    "the actual of a budget-linked indicator is printed from the budget data, e.g. "
                            + (i.actualText == null ? "93.00%" : i.actualText));
        }
        if (in.band() != null) {
            try {
                QualitativeBand.valueOf(in.band());
            } catch (IllegalArgumentException ex) {
                throw ProblemException.invalid("band", "one of ACHIEVED, PARTIAL, NOT_ACHIEVED");
            }
        }
        Map<String, Object> before = values(i);
        i.target = in.target();
        i.targetText = in.targetText();
        if (!linked) {
            // a budget-linked actual and its text are the ledger's (applyBudgetFigures), never the department's
            i.actual = in.actual();
            i.actualText = in.actualText();
        }
        i.band = in.band();
        i.proposedScore = in.proposedScore();
        i.yes = in.yes();
        i.justification = in.justification();
        i.notApplicable = Boolean.TRUE.equals(in.notApplicable());
        i.reason = in.reason();
        i.measure = in.measure();
        rescoreOrReject(e, code);
        audit(e, "VALUES_CHANGED", Map.of("indicator", code, "before", before, "after", values(i)));
        events.scored(e);
        return e;
    }

    @Transactional
    public Evaluation setLikelihood(long id, String code, EvaluationInputs.LikelihoodInput in, String ifMatch) {
        Evaluation e = editable(id, ifMatch);
        Indicator i = leaf(e, code);
        if (in.likelihood() != gov.budgetperf.evaluation.monitoring.Likelihood.CERTAIN) {
            List<Violation> missing = new ArrayList<>();
            if (in.reason() == null || in.reason().isBlank()) {
                missing.add(new Violation("reason", "required unless the target will certainly be reached"));
            }
            if (in.measure() == null || in.measure().isBlank()) {
                missing.add(new Violation("measure", "required unless the target will certainly be reached"));
            }
            if (!missing.isEmpty()) {
                throw ProblemException.invalid("A target that may be missed needs a reason and a measure", missing);
            }
        }
        i.likelihood = in.likelihood().name();
        i.likelihoodReason = in.reason();
        i.likelihoodMeasure = in.measure();
        audit(e, "LIKELIHOOD_SET", Map.of("indicator", code, "likelihood", in.likelihood().name()));
        return e;
    }

    @Transactional
    public Evaluation declareRates(long id, EvaluationInputs.DeclaredRates in, String ifMatch) {
        Evaluation e = editable(id, ifMatch);
        e.declaredRates = new LinkedHashMap<>(in.rates());
        audit(e, "RATES_DECLARED", Map.of("rates", in.rates()));
        return e;
    }

    /**
     * Records why execution rates lie outside 90–100 % where no indicator carries the reason (DESIGN §4 "Checks before
     * submission"): the evaluated subject's own rate when no budget-linked execution-rate indicator of the evaluation
     * does, and each project of a department evaluation. Replaces what was recorded before.
     */
    @Transactional
    public Evaluation explainExecution(long id, EvaluationInputs.ExecutionExplanations in, String ifMatch) {
        Evaluation e = editable(id, ifMatch);
        e.executionExplanations = JsonColumns.canonical(mapper.valueToTree(in));
        audit(e, "EXECUTION_EXPLAINED", Map.of("explanations", e.executionExplanations));
        return e;
    }

    @Transactional
    public Evaluation addIndicator(long id, EvaluationInputs.Custom in, String ifMatch) {
        Evaluation e = editable(id, ifMatch);
        Indicator parent = e.indicator(in.parentCode());
        if (parent == null || !parent.extensible) {
            throw ProblemException.invalid("parentCode", in.parentCode() + " is not a second-level indicator that takes "
                    + "indicators of the department's own");
        }
        if (e.indicator(in.code()) != null) {
            throw ProblemException.conflict("Indicator " + in.code() + " exists in evaluation " + id);
        }
        // the rule-set validator's checks of a leaf's rule (its direction is checked before submission, as a finding)
        String problem = RuleSetValidator.ruleProblem(mapper, in.rule());
        if (problem != null) {
            throw ProblemException.invalid("rule", problem);
        }
        Indicator i = new Indicator();
        i.evaluation = e;
        i.parentCode = parent.code;
        i.level = parent.level + 1;
        i.position = e.children(parent.code).size();
        i.code = in.code();
        i.name = in.name();
        i.weight = in.weight();
        i.unit = in.unit();
        i.direction = in.direction();
        i.rule = JsonColumns.canonical(in.rule()); // as read back: not rewritten at the next flush
        i.explanation = in.explanation();
        i.custom = true;
        e.indicators.add(i);
        scoring.rescore(e);
        audit(e, "INDICATOR_ADDED", Map.of("indicator", in.code(), "parent", parent.code, "weight", in.weight()));
        return e;
    }

    @Transactional
    public Evaluation removeIndicator(long id, String code, String ifMatch) {
        Evaluation e = editable(id, ifMatch);
        Indicator i = e.indicator(code);
        if (i == null || !i.custom) {
            throw ProblemException.invalid("code", "only an indicator the department added can be removed");
        }
        e.indicators.remove(i);
        scoring.rescore(e);
        audit(e, "INDICATOR_REMOVED", Map.of("indicator", code));
        return e;
    }

    public List<Finding> findings(long id) {
        Evaluation e = get(id);
        List<Finding> f = checks.check(e);
        em.detach(e); // checking rescores in memory only
        return f;
    }

    @Transactional
    public Evaluation submit(long id, String comment, String ifMatch) {
        Evaluation e = get(id);
        access.requireWrite(e.departmentCode);
        Versions.requireMatch(ifMatch, e.version);
        requireStatus(e, Evaluation.Status.DRAFT, Evaluation.Status.RETURNED);
        List<Finding> findings = checks.check(e);
        List<Violation> errors = new ArrayList<>();
        for (Finding f : findings) {
            if (f.severity() == EvaluationViews.Severity.ERROR) {
                errors.add(new Violation(f.location(), f.code() + ": " + f.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.size() + " check(s) fail; the evaluation cannot be submitted",
                    errors);
        }
        return step(e, Evaluation.Status.SUBMITTED, comment);
    }

    @Transactional
    public Evaluation transition(long id, Evaluation.Status to, String comment, String ifMatch) {
        Evaluation e = get(id);
        access.requireFinance(); // returns, approvals and publications are the finance bureau's
        Versions.requireMatch(ifMatch, e.version);
        switch (to) {
            case RETURNED, APPROVED -> requireStatus(e, Evaluation.Status.SUBMITTED);
            case PUBLISHED -> requireStatus(e, Evaluation.Status.APPROVED);
            default -> throw ProblemException.invalid("status", "not a workflow step");
        }
        if (to == Evaluation.Status.RETURNED && (comment == null || comment.isBlank())) {
            throw ProblemException.invalid("comment", "say why the evaluation is returned");
        }
        return step(e, to, comment);
    }

    public List<EvaluationViews.StepView> steps(long id) {
        get(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT from_status, to_status, actor, at, comment FROM evaluation_step "
                + "WHERE evaluation_id = ?1 ORDER BY id").setParameter(1, id).getResultList();
        return rows.stream().map(r -> new EvaluationViews.StepView(
                r[0] == null ? null : Evaluation.Status.valueOf((String) r[0]), Evaluation.Status.valueOf((String) r[1]),
                (String) r[2], toOffset(r[3]), (String) r[4])).toList();
    }

    public Page<EvaluationViews.AuditView> audit(long id, PageRequest page) {
        get(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, actor, at, action, detail::text FROM audit_entry "
                + "WHERE evaluation_id = ?1 ORDER BY id").setParameter(1, id).setFirstResult(page.page * page.size)
                .setMaxResults(page.size).getResultList();
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM audit_entry WHERE evaluation_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
        List<EvaluationViews.AuditView> items = new ArrayList<>();
        for (Object[] r : rows) {
            JsonNode detail;
            try {
                detail = r[4] == null ? null : mapper.readTree((String) r[4]);
            } catch (Exception ex) {
                detail = null;
            }
            items.add(new EvaluationViews.AuditView(((Number) r[0]).longValue(), (String) r[1], toOffset(r[2]),
                    (String) r[3], detail));
        }
        return new Page<>(items, page.page, page.size, total);
    }

    /** The outcome of moving evaluations to a new rule-set version. */
    public record Migration(String ruleSet, int evaluations, int indicators, long millis) {
    }

    /**
     * Moves every draft or returned evaluation made from an earlier version of a rule set to this published version:
     * the tree takes the new names, weights and rules (matched by indicator code), the department's values and own
     * indicators stay, indicators the new version drops are removed, and everything is rescored (see
     * {@link RuleSetMigration}).
     */
    public Migration migrate(String code, int version) {
        long start = System.nanoTime();
        access.requireFinance(); // moves evaluations of every department
        RuleSet target = RuleSet.byVersion(code, version).filter(r -> r.status == RuleSet.Status.PUBLISHED)
                .orElseThrow(() -> ProblemException.notFound("No published rule set " + code + " version " + version));
        List<Long> ids = Evaluation.find("select e.id from Evaluation e where e.ruleSet.code = ?1 and e.ruleSet.version < ?2 "
                + "and e.status in ?3 order by e.id", code, version,
                List.of(Evaluation.Status.DRAFT, Evaluation.Status.RETURNED)).project(Long.class).list();
        int indicators = migration.run(target, ids, access.user());
        return new Migration(target.label(), ids.size(), indicators, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Moves one evaluation's tree to a rule set's (flattened) nodes, in memory: the tree takes the new names, weights
     * and rules, the department's values and own indicators stay, indicators the new version drops are removed, nodes
     * it adds are added. No rescoring here.
     */
    static void moveTree(Evaluation e, RuleSet target, Map<String, NodeDefinition> nodes, Map<String, String> parents) {
        e.ruleSet = target;
        e.indicators.removeIf(i -> i.custom
                ? !nodes.containsKey(i.parentCode) || !nodes.get(i.parentCode).acceptsCustom()
                : !nodes.containsKey(i.code));
        Map<String, Indicator> byCode = new HashMap<>();
        for (Indicator i : e.indicators) {
            byCode.putIfAbsent(i.code, i);
        }
        for (var entry : nodes.entrySet()) {
            NodeDefinition n = entry.getValue();
            Indicator i = byCode.get(entry.getKey());
            if (i == null) {
                int size = e.indicators.size();
                add(e, n, parents.get(entry.getKey()), level(parents, entry.getKey()), size);
                for (Indicator added : e.indicators.subList(size, e.indicators.size())) {
                    byCode.putIfAbsent(added.code, added);
                }
                continue;
            }
            i.name = n.name();
            i.weight = n.weight();
            i.explanation = n.explanation();
            i.unit = n.unit();
            i.direction = n.direction();
            i.extensible = n.acceptsCustom();
            i.rule = n.leaf() && !n.acceptsCustom() ? n.rule() : null;
        }
    }

    /** Every node of a rule set's tree by code (depth first, parents before children), and each node's parent. */
    static void flatten(List<NodeDefinition> nodes, String parent, Map<String, NodeDefinition> out,
            Map<String, String> parents) {
        if (nodes == null) {
            return;
        }
        for (NodeDefinition n : nodes) {
            out.put(n.code(), n);
            parents.put(n.code(), parent);
            flatten(n.children(), n.code(), out, parents);
        }
    }

    private static int level(Map<String, String> parents, String code) {
        int level = 1;
        for (String p = parents.get(code); p != null; p = parents.get(p)) {
            level++;
        }
        return level;
    }

    /**
     * Marks an evaluation changed: its row is written at the next flush, with a new version (one per transaction), so
     * stale client writes fail. (Not a lock with OPTIMISTIC_FORCE_INCREMENT: that increments again at commit, after
     * the flush that wrote the change, so the version in the response and the event would not be the stored one.)
     */
    public void touch(Evaluation e) {
        e.updatedAt = OffsetDateTime.now();
    }

    /** The latest budget figures of a department-year (project code "") or a project. */
    public record Figures(long dataVersion, JsonNode metrics) {
    }

    /** Where {@link #applyBudgetFigures(Evaluation, FiguresSource)} finds the figures. */
    @FunctionalInterface
    public interface FiguresSource {
        Optional<Figures> of(String departmentCode, int fiscalYear, String projectCode);
    }

    /**
     * Sets the actual of every budget-linked indicator from the latest stored figures; true when an actual changed.
     * The actual is the rate its metric path names, in percent as budget-service shows it (half-up to two decimals,
     * e.g. 93.25 — the unit of typed actuals, and the number the score is computed from); a rate that is null (a zero
     * denominator) or absent leaves the actual empty. The evaluation's budget data version follows only when an
     * actual changed: figures that leave every actual as it was change nothing, so the evaluation keeps its version
     * (its ETag) and a concurrent editor is not refused for nothing.
     */
    public boolean applyBudgetFigures(Evaluation e) {
        return applyBudgetFigures(e, (dept, year, project) -> BudgetFigures.of(dept, year, project)
                .map(f -> new Figures(f.dataVersion, f.metrics)));
    }

    /** As {@link #applyBudgetFigures(Evaluation)}, with the figures from the given source. */
    static boolean applyBudgetFigures(Evaluation e, FiguresSource source) {
        boolean changed = false;
        Long dataVersion = null;
        for (Indicator i : e.leaves()) {
            MetricPath path = metricPath(i);
            if (path == null) {
                continue; // not budget-linked, or a rule the scoring reports as invalid
            }
            boolean project = path.readsProject(e.projectCode != null);
            if (project && e.projectCode == null) {
                continue;
            }
            var figures = source.of(e.departmentCode, e.fiscalYear, project ? e.projectCode : "");
            if (figures.isEmpty()) {
                continue;
            }
            BigDecimal actual = MetricPath.percent(path.resolve(figures.get().metrics()));
            if (actual == null ? i.actual != null : (i.actual == null || actual.compareTo(i.actual) != 0)) {
                i.actual = actual;
                i.actualText = percentText(actual);
                changed = true;
            }
            dataVersion = figures.get().dataVersion();
        }
        if (changed) {
            e.budgetDataVersion = dataVersion;
        }
        return changed;
    }

    /** The text of a budget-linked actual: the percent with two decimals, e.g. 93.00 → "93.00%"; null for none. */
    static String percentText(BigDecimal percent) {
        return percent == null ? null : percent.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** The metric a budget-linked indicator binds, or null for any other indicator or a metric that does not parse. */
    static MetricPath metricPath(Indicator i) {
        if (!EvaluationChecks.isBudgetLinked(i)) {
            return null;
        }
        try {
            return MetricPath.parse(i.rule.path("metric").asText(null));
        } catch (ScoringException ex) {
            return null;
        }
    }

    /** EXECUTION_RATE → executionRate (the field of the metrics budget-service publishes). */
    static String camel(String upperSnake) {
        return MetricPath.camel(upperSnake);
    }

    void audit(Evaluation e, String action, Map<String, Object> detail) {
        audit(e, access.user(), action, detail);
    }

    /** Records a change in the audit trail (actor: a user, or the system process that made it). */
    public void audit(Evaluation e, String actor, String action, Map<String, Object> detail) {
        em.flush();
        insertAudit(e, actor, action, detail);
    }

    /** The audit row alone, for an evaluation already flushed. */
    private void insertAudit(Evaluation e, String actor, String action, Map<String, Object> detail) {
        String json = auditJson(mapper, action, detail);
        em.createNativeQuery(
                "INSERT INTO audit_entry (evaluation_id, actor, action, detail) VALUES (?1, ?2, ?3, CAST(?4 AS jsonb))")
                // no automatic flush of the whole session before this insert (it depends on no pending change)
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, e.id).setParameter(2, actor).setParameter(3, action)
                .setParameter(4, json)
                .executeUpdate();
    }

    /**
     * The audit detail as JSON. One that cannot be written fails the request (and rolls back what it audits): an
     * audit trail with an empty entry in place of what happened is worse than a failed change.
     */
    static String auditJson(ObjectMapper mapper, String action,
            Map<String, Object> detail) {
        try {
            return mapper.writeValueAsString(detail);
        } catch (JsonProcessingException ex) {
            // not the Jackson exception as the cause: its mapper would answer 400 for what is no fault of the client
            throw new IllegalStateException("The audit detail of " + action + " cannot be written as JSON: "
                    + ex.getOriginalMessage());
        }
    }

    private Evaluation step(Evaluation e, Evaluation.Status to, String comment) {
        Evaluation.Status from = e.status;
        touch(e);
        e.status = to;
        em.flush();
        em.createNativeQuery("INSERT INTO evaluation_step (evaluation_id, from_status, to_status, actor, comment) "
                + "VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, e.id).setParameter(2, from.name())
                .setParameter(3, to.name()).setParameter(4, access.user()).setParameter(5, comment).executeUpdate();
        audit(e, "STATUS_" + to.name(), Map.of("from", from.name(), "comment", comment == null ? "" : comment));
        events.statusChanged(e, from);
        return e;
    }

    private Evaluation editable(long id, String ifMatch) {
        Evaluation e = get(id);
        access.requireWrite(e.departmentCode);
        Versions.requireMatch(ifMatch, e.version);
        if (!e.editable()) {
            throw ProblemException.conflict("Evaluation " + id + " is " + e.status + " and read-only");
        }
        // every change of an indicator is a new version of the evaluation (its ETag), even when no total moves
        touch(e);
        return e;
    }

    private void rescoreOrReject(Evaluation e, String code) {
        for (EvaluationScoring.Unscored u : scoring.rescore(e)) {
            // a proposed score outside its band or range is refused outright; missing inputs just leave it unscored
            if (u.code().equals(code) && u.message() != null
                    && ("proposedScore".equals(u.field()) || "band".equals(u.field()) || "justification".equals(u.field())
                            || "target".equals(u.field()) || "actual".equals(u.field()))
                    && !u.message().contains("required")) {
                throw ProblemException.invalid(u.field(), u.message());
            }
        }
    }

    private static Indicator leaf(Evaluation e, String code) {
        Indicator i = e.indicator(code);
        if (i == null || i.rule == null) {
            throw ProblemException.notFound("No leaf indicator " + code + " in evaluation " + e.id);
        }
        return i;
    }

    private static void requireStatus(Evaluation e, Evaluation.Status... allowed) {
        for (Evaluation.Status s : allowed) {
            if (e.status == s) {
                return;
            }
        }
        throw ProblemException.conflict("Evaluation " + e.id + " is " + e.status);
    }

    private static void instantiate(Evaluation e, RuleTree tree) {
        int pos = 0;
        for (NodeDefinition n : tree.nodes()) {
            add(e, n, null, 1, pos++);
        }
    }

    /** Adds a node of a rule set's tree, and its children, to an evaluation. */
    private static void add(Evaluation e, NodeDefinition n, String parent, int level, int position) {
        Indicator i = new Indicator();
        i.evaluation = e;
        i.parentCode = parent;
        i.level = level;
        i.position = position;
        i.code = n.code();
        i.name = n.name();
        i.weight = n.weight();
        i.explanation = n.explanation();
        i.unit = n.unit();
        i.direction = n.direction();
        i.extensible = n.acceptsCustom();
        i.rule = n.leaf() && !n.acceptsCustom() ? n.rule() : null;
        e.indicators.add(i);
        if (n.children() != null) {
            int p = 0;
            for (NodeDefinition c : n.children()) {
                add(e, c, n.code(), level + 1, p++);
            }
        }
    }

    private static Map<String, Object> values(Indicator i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", i.target);
        m.put("actual", i.actual);
        m.put("band", i.band);
        m.put("proposedScore", i.proposedScore);
        m.put("yes", i.yes);
        m.put("notApplicable", i.notApplicable);
        m.put("score", i.score);
        m.put("reason", i.reason);
        m.put("measure", i.measure);
        return m;
    }

    private static java.time.OffsetDateTime toOffset(Object o) {
        if (o instanceof java.time.OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
