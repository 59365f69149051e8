package gov.budgetperf.budget.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.budget.execution.ExecutionLine;
import gov.budgetperf.budget.execution.ExecutionRepository;
import gov.budgetperf.budget.project.Project;
import gov.budgetperf.budget.project.ProjectMetrics;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Property: for random department budgets (allocations by type and funding source, three-public budgets with and
 * without last year's figure, carry-over, staff), first- and second-level projects, adjustments of every kind (of the
 * department and of projects) and ledgers with reversals, all dated in and around the fiscal year and written straight
 * into the real schema with JDBC, every metric that {@link BudgetMetricsService} computes as of a random date — of the
 * department and of each project — equals the same metric computed by plain SQL in this test, written from DESIGN §3
 * and independently of {@link FiguresRepository}; and so do the figures of the set-based monitoring query
 * ({@link ExecutionRepository}).
 * <p>
 * jqwik's {@code @Property} runs under the jqwik engine, which cannot start Quarkus (a {@code @QuarkusTest} needs the
 * Jupiter engine; jqwik-team/jqwik#487), so this Jupiter test draws the cases from jqwik arbitraries with a seeded
 * random and reports the seed and the case when a metric differs. {@link MetricsCalculatorPropertiesTest} holds the
 * properties that need no database and run under the jqwik engine.
 */
@QuarkusTest
class MetricsPropertyTest {

    static final int TRIES = 80;
    static final int DATES_PER_TRY = 4;
    static final int YEAR = 2023;
    /** Dates from a month before the fiscal year to a month after it. */
    static final LocalDate FIRST = LocalDate.of(YEAR - 1, 12, 1);
    static final int DAYS = (int) (LocalDate.of(YEAR + 1, 1, 31).toEpochDay() - FIRST.toEpochDay());
    static final List<String> TYPES = List.of("PERSONNEL", "PUBLIC_FUNDS", "PROJECT");
    static final List<String> SOURCES = List.of("GENERAL_PUBLIC", "GOVERNMENT_FUND", "OTHER");
    static final List<String> CATEGORIES = List.of("RECEPTION", "VEHICLES", "OVERSEAS");

    @Inject
    BudgetMetricsService metrics;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExecutionRepository execution;

    record Alloc(String type, String source, BigDecimal amount) {
    }

    record ThreePublic(String category, BigDecimal budget, BigDecimal prior) {
    }

    /**
     * A project: first-level ones have no parent; a first-level project's initial budget includes its second-level
     * projects' (DESIGN §3). Listed parents first.
     */
    record Proj(int level, Integer parent, BigDecimal initial) {
    }

    /** An adjustment; project (taken modulo the number of projects, when there are any) makes it a project change. */
    record Adjustment(String kind, String type, String source, BigDecimal amount, LocalDate date, Integer project) {
    }

    /** A ledger entry; reversedOn (never before its date) adds its reversing entry. */
    record Entry(String type, String source, String threePublic, BigDecimal amount, LocalDate date,
            LocalDate reversedOn, Integer project) {
    }

    record Case(List<Alloc> allocations, List<ThreePublic> threePublic, List<Proj> projects,
            List<Adjustment> adjustments, List<Entry> entries, BigDecimal carryOver, Integer staffQuota,
            Integer actualStaff, List<LocalDate> asOf) {
    }

    /** What was inserted: the department-year and its projects' ids by code. */
    record Inserted(long budgetId, String departmentCode, Map<String, Long> projects) {
    }

    static Arbitrary<LocalDate> dates() {
        Arbitrary<LocalDate> any = Arbitraries.integers().between(0, DAYS).map(FIRST::plusDays);
        // the edges of the year and of months, where an off-by-one in "on or before" would show
        Arbitrary<LocalDate> edges = Arbitraries.of(LocalDate.of(YEAR - 1, 12, 31), LocalDate.of(YEAR, 1, 1),
                LocalDate.of(YEAR, 2, 28), LocalDate.of(YEAR, 6, 30), LocalDate.of(YEAR, 7, 1),
                LocalDate.of(YEAR, 12, 31), LocalDate.of(YEAR + 1, 1, 1));
        return Arbitraries.frequencyOf(Tuple.of(4, any), Tuple.of(1, edges));
    }

    static Arbitrary<BigDecimal> money(String min, String max) {
        return Arbitraries.bigDecimals().between(new BigDecimal(min), new BigDecimal(max)).ofScale(2);
    }

    static Arbitrary<Case> cases() {
        Arbitrary<List<Alloc>> allocations = Arbitraries.of(TYPES).flatMap(t -> Arbitraries.of(SOURCES)
                .map(s -> t + "|" + s)).set().ofMaxSize(9).flatMap(keys -> {
                    List<Arbitrary<Alloc>> each = new ArrayList<>();
                    for (String k : keys) {
                        String[] ts = k.split("\\|");
                        each.add(Arbitraries.oneOf(money("0.00", "3000000.00"), Arbitraries.just(BigDecimal.ZERO
                                .setScale(2))).map(a -> new Alloc(ts[0], ts[1], a)));
                    }
                    return Combinators.combine(each).as(l -> l);
                });
        Arbitrary<List<ThreePublic>> threePublic = Arbitraries.of(CATEGORIES).set().flatMap(cats -> {
            List<Arbitrary<ThreePublic>> each = new ArrayList<>();
            for (String c : cats) {
                each.add(Combinators.combine(money("0.00", "50000.00"),
                        Arbitraries.oneOf(money("0.00", "50000.00"), Arbitraries.just(BigDecimal.ZERO.setScale(2)))
                                .injectNull(0.35))
                        .as((b, p) -> new ThreePublic(c, b, p)));
            }
            return Combinators.combine(each).as(l -> l);
        });
        Arbitrary<Adjustment> adjustment = Combinators.combine(
                Arbitraries.of("ADDITION", "REDUCTION", "TRANSFER_OUT"), Arbitraries.of(TYPES), Arbitraries.of(SOURCES),
                money("0.01", "400000.00"), dates(), Arbitraries.integers().between(0, 8).injectNull(0.5))
                .as(Adjustment::new);
        Arbitrary<Entry> entry = Combinators.combine(Arbitraries.of(TYPES), Arbitraries.of(SOURCES),
                Arbitraries.of(CATEGORIES).injectNull(0.6), money("0.01", "300000.00"), dates(),
                Arbitraries.integers().between(0, 120).injectNull(0.75), Arbitraries.integers().between(0, 8).injectNull(0.5))
                .as((t, s, c, a, d, later, project) -> new Entry(t, s, "PUBLIC_FUNDS".equals(t) ? c : null, a, d,
                        later == null ? null : d.plusDays(later), project));
        // per first-level project: its own part, then its second-level projects' initial budgets
        Arbitrary<List<Proj>> projects = money("0.00", "500000.00").list().ofMinSize(1).ofMaxSize(3).list().ofMaxSize(3)
                .map(tree -> {
                    List<Proj> out = new ArrayList<>();
                    for (List<BigDecimal> parts : tree) {
                        int parent = out.size();
                        out.add(new Proj(1, null, parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
                        for (BigDecimal child : parts.subList(1, parts.size())) {
                            out.add(new Proj(2, parent, child));
                        }
                    }
                    return out;
                });
        return Combinators.combine(allocations, threePublic, projects, adjustment.list().ofMaxSize(14),
                entry.list().ofMaxSize(30),
                money("0.00", "200000.00"), Combinators.combine(Arbitraries.integers().between(0, 60).injectNull(0.2),
                        Arbitraries.integers().between(0, 70).injectNull(0.2)).as(Tuple::of),
                dates().list().ofSize(DATES_PER_TRY))
                .as((alloc, tp, prj, adj, ent, carry, staff, asOf) -> new Case(alloc, tp, prj, adj, ent, carry, staff.get1(),
                        staff.get2(), asOf));
    }

    @Test
    void everyMetricAsOfAnyDateEqualsPlainSql() throws Exception {
        long seed = Long.getLong("metrics.property.seed", new Random().nextLong());
        Random random = new Random(seed);
        JqwikSession.start();
        try {
            // edge cases (empty lists, zeros, bounds) embedded among the random cases
            RandomGenerator<Case> generator = cases().generatorWithEmbeddedEdgeCases(100);
            for (int i = 0; i < TRIES; i++) {
                check(seed, i, generator.next(random).value());
            }
        } finally {
            JqwikSession.finish();
        }
    }

    private void check(long seed, int i, Case c) throws Exception {
        {
            Inserted in = insert(c);
            long budgetId = in.budgetId();
            for (LocalDate asOf : c.asOf()) {
                DepartmentMetrics m = QuarkusTransaction.requiringNew().call(() -> metrics
                        .department(DepartmentBudget.findById(budgetId), asOf, null, CarryOverDenominator.ADJUSTED_BUDGET));
                Map<String, ProjectMetrics> projectMetrics = new HashMap<>();
                for (Map.Entry<String, Long> p : in.projects().entrySet()) {
                    projectMetrics.put(p.getKey(), QuarkusTransaction.requiringNew()
                            .call(() -> metrics.project(Project.findById(p.getValue()), asOf, 0)));
                }
                // the set-based path of in-year monitoring (one query for a region) must give the same figures
                List<ExecutionLine> lines = QuarkusTransaction.requiringNew()
                        .call(() -> execution.asOf(YEAR, asOf, null, in.departmentCode()));
                Map<String, Object> e = expected(budgetId, asOf);
                SoftAssertions soft = new SoftAssertions();
                compare(soft, m, e);
                compareProjects(soft, projectMetrics, lines, in, e);
                if (!soft.errorsCollected().isEmpty()) {
                    throw new AssertionError("seed " + seed + " (-Dmetrics.property.seed=" + seed + "), try " + i
                            + ", as of " + asOf + ", case " + c + ": " + soft.errorsCollected());
                }
            }
        }
    }

    private Inserted insert(Case c) throws Exception {
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            String code = "PROP-" + UUID.randomUUID().toString().substring(0, 13);
            long departmentId;
            try (PreparedStatement ps = con.prepareStatement(
                    "INSERT INTO department (code, name, region) VALUES (?, '属性测试单位', '属性区') RETURNING id")) {
                ps.setString(1, code);
                departmentId = single(ps);
            }
            long budgetId;
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO department_budget (department_id, fiscal_year, "
                    + "staff_quota, actual_staff, carry_over) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, departmentId);
                ps.setInt(2, YEAR);
                ps.setObject(3, c.staffQuota(), Types.INTEGER);
                ps.setObject(4, c.actualStaff(), Types.INTEGER);
                ps.setBigDecimal(5, c.carryOver());
                budgetId = single(ps);
            }
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO budget_allocation (budget_id, expenditure_type, "
                    + "funding_source, amount) VALUES (?, ?, ?, ?)")) {
                for (Alloc a : c.allocations()) {
                    ps.setLong(1, budgetId);
                    ps.setString(2, a.type());
                    ps.setString(3, a.source());
                    ps.setBigDecimal(4, a.amount());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO three_public_budget (budget_id, category, "
                    + "budget_amount, prior_year_actual) VALUES (?, ?, ?, ?)")) {
                for (ThreePublic t : c.threePublic()) {
                    ps.setLong(1, budgetId);
                    ps.setString(2, t.category());
                    ps.setBigDecimal(3, t.budget());
                    ps.setBigDecimal(4, t.prior());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Map<String, Long> projects = new java.util.LinkedHashMap<>();
            List<Long> projectIds = new ArrayList<>();
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO project (budget_id, code, name, level, parent_id, "
                    + "funding_source, initial_budget) VALUES (?, ?, '属性测试项目', ?, ?, 'GENERAL_PUBLIC', ?) RETURNING id")) {
                for (Proj p : c.projects()) {
                    ps.setLong(1, budgetId);
                    ps.setString(2, "P" + projectIds.size());
                    ps.setInt(3, p.level());
                    ps.setObject(4, p.parent() == null ? null : projectIds.get(p.parent()), Types.BIGINT);
                    ps.setBigDecimal(5, p.initial());
                    long id = single(ps);
                    projects.put("P" + projectIds.size(), id);
                    projectIds.add(id);
                }
            }
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO budget_adjustment (budget_id, adjustment_date, "
                    + "kind, amount, expenditure_type, funding_source, reason, created_by, project_id) VALUES (?, ?, ?, "
                    + "?, ?, ?, '属性测试', 'property', ?)")) {
                for (Adjustment a : c.adjustments()) {
                    Long project = project(a.project(), projectIds);
                    ps.setLong(1, budgetId);
                    ps.setDate(2, Date.valueOf(a.date()));
                    ps.setString(3, a.kind());
                    ps.setBigDecimal(4, a.amount());
                    ps.setString(5, project == null ? a.type() : "PROJECT");
                    ps.setString(6, a.source());
                    ps.setObject(7, project, Types.BIGINT);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO expenditure (budget_id, entry_date, amount, "
                    + "expenditure_type, funding_source, three_public, reverses_id, created_by, project_id) VALUES (?, ?, "
                    + "?, ?, ?, ?, ?, 'property', ?) RETURNING id")) {
                for (Entry e : c.entries()) {
                    Long project = project(e.project(), projectIds);
                    long id = entry(ps, budgetId, e, e.date(), e.amount(), null, project);
                    if (e.reversedOn() != null) {
                        entry(ps, budgetId, e, e.reversedOn(), e.amount().negate(), id, project);
                    }
                }
            }
            con.commit();
            return new Inserted(budgetId, code, projects);
        }
    }

    private static Long project(Integer selector, List<Long> ids) {
        return selector == null || ids.isEmpty() ? null : ids.get(selector % ids.size());
    }

    private static long entry(PreparedStatement ps, long budgetId, Entry e, LocalDate date, BigDecimal amount,
            Long reverses, Long project) throws Exception {
        ps.setLong(1, budgetId);
        ps.setDate(2, Date.valueOf(date));
        ps.setBigDecimal(3, amount);
        ps.setString(4, project == null ? e.type() : "PROJECT");
        ps.setString(5, e.source());
        ps.setString(6, project == null ? e.threePublic() : null);
        ps.setObject(7, reverses, Types.BIGINT);
        ps.setObject(8, project, Types.BIGINT);
        return single(ps);
    }

    private static long single(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A rate as plain SQL computes it: ratio to 12 decimals and percent to 2, each rounded once, half away from 0. */
    record SqlRate(BigDecimal ratio, BigDecimal percent) {
    }

    /** The expected metrics, by name, from plain SQL over the real tables. */
    private Map<String, Object> expected(long budgetId, LocalDate asOf) throws Exception {
        Map<String, Object> out = new HashMap<>();
        // Everything the metrics need, as of the date, in one statement per shape: the department-year's scalars ...
        String scalars = """
                WITH b AS (SELECT * FROM department_budget WHERE id = :b),
                alloc AS (SELECT COALESCE(SUM(amount), 0) AS initial FROM budget_allocation WHERE budget_id = :b),
                adj AS (SELECT COALESCE(SUM(CASE kind WHEN 'ADDITION' THEN amount ELSE -amount END), 0) AS net,
                               COALESCE(SUM(ABS(CASE kind WHEN 'ADDITION' THEN amount ELSE -amount END)), 0) AS gross
                        FROM budget_adjustment WHERE budget_id = :b AND adjustment_date <= :d),
                led AS (SELECT COALESCE(SUM(amount), 0) AS actual,
                               COALESCE(SUM(amount) FILTER (WHERE expenditure_type = 'PUBLIC_FUNDS'), 0) AS public_funds
                        FROM expenditure WHERE budget_id = :b AND entry_date <= :d),
                pf AS (SELECT (SELECT COALESCE(SUM(amount), 0) FROM budget_allocation
                               WHERE budget_id = :b AND expenditure_type = 'PUBLIC_FUNDS')
                            + (SELECT COALESCE(SUM(CASE kind WHEN 'ADDITION' THEN amount ELSE -amount END), 0)
                               FROM budget_adjustment WHERE budget_id = :b AND adjustment_date <= :d
                               AND expenditure_type = 'PUBLIC_FUNDS') AS budget),
                el AS (SELECT CASE WHEN EXTRACT(YEAR FROM :d) < b.fiscal_year THEN 0
                                   WHEN EXTRACT(YEAR FROM :d) > b.fiscal_year THEN 12
                                   ELSE (EXTRACT(MONTH FROM :d) - 1) * EXTRACT(DAY FROM (date_trunc('month', :d)
                                        + INTERVAL '1 month' - INTERVAL '1 day')) + EXTRACT(DAY FROM :d) END AS num,
                              CASE WHEN EXTRACT(YEAR FROM :d) = b.fiscal_year THEN EXTRACT(DAY FROM (date_trunc('month',
                                   :d) + INTERVAL '1 month' - INTERVAL '1 day')) ELSE 1 END AS den
                       FROM b)
                SELECT alloc.initial, adj.net, adj.gross, alloc.initial + adj.net AS adjusted, led.actual,
                       led.public_funds, pf.budget AS pf_budget, b.carry_over, b.staff_quota, b.actual_staff,
                       el.num, el.den
                FROM b, alloc, adj, led, pf, el
                """;
        try (Connection con = dataSource.getConnection();
                PreparedStatement ps = con.prepareStatement(bind(scalars, budgetId, asOf));
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            BigDecimal initial = rs.getBigDecimal("initial");
            BigDecimal net = rs.getBigDecimal("net");
            BigDecimal gross = rs.getBigDecimal("gross");
            BigDecimal adjusted = rs.getBigDecimal("adjusted");
            BigDecimal actual = rs.getBigDecimal("actual");
            out.put("initialBudget", initial);
            out.put("adjustmentTotal", net);
            out.put("grossAdjustmentTotal", gross);
            out.put("adjustedBudget", adjusted);
            out.put("actualExpenditure", actual);
            out.put("executionRate", rate(con, actual, adjusted));
            out.put("adjustmentRate", rate(con, net, initial));
            out.put("grossAdjustmentRate", rate(con, gross, initial));
            out.put("publicFundsControlRate", rate(con, rs.getBigDecimal("public_funds"), rs.getBigDecimal("pf_budget")));
            out.put("carryOverRate", rate(con, rs.getBigDecimal("carry_over"), adjusted));
            Object quota = rs.getObject("staff_quota");
            Object staff = rs.getObject("actual_staff");
            out.put("staffControlRate", quota == null || staff == null
                    ? null
                    : rate(con, BigDecimal.valueOf(((Number) staff).longValue()),
                            BigDecimal.valueOf(((Number) quota).longValue())));
            BigDecimal num = rs.getBigDecimal("num");
            BigDecimal den = rs.getBigDecimal("den");
            out.put("elapsedMonths", scalar(con, "SELECT ROUND(" + num + "::numeric / " + den + ", 4)"));
            out.put("timeElapsed", rate(con, num, den.multiply(BigDecimal.valueOf(12))));
            out.put("timeProgressRatio", num.signum() == 0 || adjusted.signum() == 0
                    ? null
                    : scalar(con, "SELECT ROUND(CAST(" + actual + " AS NUMERIC(60, 30)) * 1200 * " + den + " / ("
                            + adjusted + " * " + num + "), 2)"));

            // ... by expenditure type and by funding source ...
            String byKey = """
                    SELECT k.key,
                           COALESCE((SELECT SUM(amount) FROM budget_allocation WHERE budget_id = :b AND %1$s = k.key), 0),
                           COALESCE((SELECT SUM(amount) FROM budget_allocation WHERE budget_id = :b AND %1$s = k.key), 0)
                         + COALESCE((SELECT SUM(CASE kind WHEN 'ADDITION' THEN amount ELSE -amount END)
                                     FROM budget_adjustment WHERE budget_id = :b AND adjustment_date <= :d
                                     AND %1$s = k.key), 0),
                           COALESCE((SELECT SUM(amount) FROM expenditure WHERE budget_id = :b AND entry_date <= :d
                                     AND %1$s = k.key), 0)
                    FROM unnest(ARRAY[%2$s]) AS k(key)
                    """;
            for (String column : List.of("expenditure_type", "funding_source")) {
                List<String> keys = column.equals("expenditure_type") ? TYPES : SOURCES;
                String sql = bind(byKey.formatted(column, "'" + String.join("', '", keys) + "'"), budgetId, asOf);
                try (PreparedStatement q = con.prepareStatement(sql); ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.put(column + ".initial." + r.getString(1), r.getBigDecimal(2));
                        out.put(column + ".adjusted." + r.getString(1), r.getBigDecimal(3));
                        out.put(column + ".actual." + r.getString(1), r.getBigDecimal(4));
                    }
                }
            }

            // ... and the three public costs, per category and in total, like with like (DESIGN §3)
            String threePublic = """
                    WITH c AS (SELECT k.key AS category, COALESCE(t.budget_amount, 0) AS budget,
                                      t.prior_year_actual AS prior,
                                      COALESCE((SELECT SUM(amount) FROM expenditure WHERE budget_id = :b
                                                AND entry_date <= :d AND three_public = k.key), 0) AS actual
                               FROM unnest(ARRAY['RECEPTION', 'VEHICLES', 'OVERSEAS']) AS k(key)
                               LEFT JOIN three_public_budget t ON t.budget_id = :b AND t.category = k.key)
                    SELECT category, budget, actual, prior FROM c
                    UNION ALL
                    SELECT 'TOTAL', SUM(budget), SUM(actual),
                           CASE WHEN bool_or(prior IS NULL AND actual <> 0) THEN NULL ELSE SUM(prior) END
                    FROM c
                    """;
            try (PreparedStatement q = con.prepareStatement(bind(threePublic, budgetId, asOf));
                    ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    String k = "threePublic." + r.getString(1);
                    BigDecimal budget = r.getBigDecimal(2);
                    BigDecimal spent = r.getBigDecimal(3);
                    BigDecimal prior = r.getBigDecimal(4);
                    out.put(k + ".budget", budget);
                    out.put(k + ".actual", spent);
                    out.put(k + ".prior", prior);
                    out.put(k + ".controlRate", rate(con, spent, budget));
                    out.put(k + ".changeRate", prior == null ? null : rate(con, spent.subtract(prior), prior));
                }
            }

            // projects: a first-level project counts its second-level projects on both sides (DESIGN §3)
            String projects = """
                    SELECT p.code, p.initial_budget,
                           (SELECT COALESCE(SUM(a.amount) FILTER (WHERE a.kind = 'ADDITION'), 0)
                            FROM budget_adjustment a JOIN project m ON m.id = a.project_id
                            WHERE p.id IN (m.id, m.parent_id) AND a.adjustment_date <= :d),
                           (SELECT COALESCE(SUM(a.amount) FILTER (WHERE a.kind = 'REDUCTION'), 0)
                            FROM budget_adjustment a JOIN project m ON m.id = a.project_id
                            WHERE p.id IN (m.id, m.parent_id) AND a.adjustment_date <= :d),
                           (SELECT COALESCE(SUM(a.amount) FILTER (WHERE a.kind = 'TRANSFER_OUT'), 0)
                            FROM budget_adjustment a JOIN project m ON m.id = a.project_id
                            WHERE p.id IN (m.id, m.parent_id) AND a.adjustment_date <= :d),
                           (SELECT COALESCE(SUM(e.amount), 0) FROM expenditure e JOIN project m ON m.id = e.project_id
                            WHERE p.id IN (m.id, m.parent_id) AND e.entry_date <= :d)
                    FROM project p WHERE p.budget_id = :b
                    """;
            try (PreparedStatement q = con.prepareStatement(bind(projects, budgetId, asOf));
                    ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    String k = "project." + r.getString(1);
                    BigDecimal initialBudget = r.getBigDecimal(2);
                    BigDecimal additions = r.getBigDecimal(3);
                    BigDecimal reductions = r.getBigDecimal(4);
                    BigDecimal transfers = r.getBigDecimal(5);
                    BigDecimal executed = r.getBigDecimal(6);
                    BigDecimal budget = initialBudget.add(additions).subtract(reductions).subtract(transfers);
                    out.put(k + ".initialBudget", initialBudget);
                    out.put(k + ".additions", additions);
                    out.put(k + ".reductions", reductions);
                    out.put(k + ".transfersOut", transfers);
                    out.put(k + ".adjustedBudget", budget);
                    out.put(k + ".executed", executed);
                    out.put(k + ".remaining", budget.subtract(executed));
                    out.put(k + ".executionRate", rate(con, executed, budget));
                    out.put(k + ".timeProgressRatio", num.signum() == 0 || budget.signum() == 0
                            ? null
                            : scalar(con, "SELECT ROUND(CAST(" + executed + " AS NUMERIC(60, 30)) * 1200 * " + den
                                    + " / (" + budget + " * " + num + "), 2)"));
                }
            }
        }
        return out;
    }

    private static String bind(String sql, long budgetId, LocalDate asOf) {
        return sql.replace(":b", Long.toString(budgetId)).replace(":d", "DATE '" + asOf + "'");
    }

    /** numerator ÷ denominator by PostgreSQL: ROUND of a NUMERIC quotient (half away from zero), null on 0. */
    private static SqlRate rate(Connection con, BigDecimal numerator, BigDecimal denominator) throws Exception {
        if (numerator == null || denominator == null) {
            return null;
        }
        String n = "CAST(" + numerator.toPlainString() + " AS NUMERIC(60, 30))";
        String d = "NULLIF(" + denominator.toPlainString() + ", 0)";
        try (Statement s = con.createStatement();
                ResultSet r = s.executeQuery("SELECT ROUND(" + n + " / " + d + ", 12), ROUND(" + n + " * 100 / " + d
                        + ", 2)")) {
            r.next();
            return r.getBigDecimal(1) == null ? null : new SqlRate(r.getBigDecimal(1), r.getBigDecimal(2));
        }
    }

    private static BigDecimal scalar(Connection con, String sql) throws Exception {
        try (Statement s = con.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getBigDecimal(1);
        }
    }

    private static void compare(SoftAssertions soft, DepartmentMetrics m, Map<String, Object> e) {
        amount(soft, "initialBudget", m.initialBudget(), e);
        amount(soft, "adjustmentTotal", m.adjustmentTotal(), e);
        amount(soft, "grossAdjustmentTotal", m.grossAdjustmentTotal(), e);
        amount(soft, "adjustedBudget", m.adjustedBudget(), e);
        amount(soft, "actualExpenditure", m.actualExpenditure(), e);
        rate(soft, "executionRate", m.executionRate(), e);
        rate(soft, "adjustmentRate", m.adjustmentRate(), e);
        rate(soft, "grossAdjustmentRate", m.grossAdjustmentRate(), e);
        rate(soft, "publicFundsControlRate", m.publicFundsControlRate(), e);
        rate(soft, "carryOverRate", m.carryOverRate(), e);
        rate(soft, "staffControlRate", m.staffControlRate(), e);
        for (String t : TYPES) {
            ExpenditureType type = ExpenditureType.valueOf(t);
            amount(soft, "expenditure_type.initial." + t, m.initialByType().get(type), e);
            amount(soft, "expenditure_type.adjusted." + t, m.adjustedByType().get(type), e);
        }
        amount(soft, "expenditure_type.actual.PERSONNEL", m.personnelExpenditure(), e);
        amount(soft, "expenditure_type.actual.PUBLIC_FUNDS", m.publicFundsExpenditure(), e);
        amount(soft, "expenditure_type.actual.PROJECT", m.projectExpenditure(), e);
        soft.assertThat(m.basicExpenditure()).as("basicExpenditure")
                .isEqualByComparingTo(((BigDecimal) e.get("expenditure_type.actual.PERSONNEL"))
                        .add((BigDecimal) e.get("expenditure_type.actual.PUBLIC_FUNDS")));
        for (String s : SOURCES) {
            FundingSource source = FundingSource.valueOf(s);
            amount(soft, "funding_source.initial." + s, m.initialByFundingSource().get(source), e);
            amount(soft, "funding_source.adjusted." + s, m.adjustedByFundingSource().get(source), e);
            amount(soft, "funding_source.actual." + s, m.actualByFundingSource().get(source), e);
        }
        DepartmentMetrics.ThreePublicMetrics tp = m.threePublic();
        threePublic(soft, "threePublic.TOTAL", tp.budget(), tp.actual(), tp.priorYearActual(), tp.controlRate(),
                tp.changeRate(), e);
        for (DepartmentMetrics.ThreePublicLine l : tp.categories()) {
            threePublic(soft, "threePublic." + l.category(), l.budget(), l.actual(), l.priorYearActual(),
                    l.controlRate(), l.changeRate(), e);
        }
        TimeProgress p = m.timeProgress();
        amount(soft, "elapsedMonths", p.elapsedMonths(), e);
        rate(soft, "timeElapsed", p.timeElapsed(), e);
        rate(soft, "executionRate", p.executed(), e);
        amount(soft, "timeProgressRatio", p.ratio(), e);
    }

    private static void compareProjects(SoftAssertions soft, Map<String, ProjectMetrics> projects,
            List<ExecutionLine> lines, Inserted in, Map<String, Object> e) {
        for (ProjectMetrics p : projects.values()) {
            String k = "project." + p.projectCode();
            amount(soft, k + ".initialBudget", p.initialBudget(), e);
            amount(soft, k + ".additions", p.additions(), e);
            amount(soft, k + ".reductions", p.reductions(), e);
            amount(soft, k + ".transfersOut", p.transfersOut(), e);
            amount(soft, k + ".adjustedBudget", p.adjustedBudget(), e);
            amount(soft, k + ".executed", p.executed(), e);
            amount(soft, k + ".remaining", p.remaining(), e);
            rate(soft, k + ".executionRate", p.executionRate(), e);
            rate(soft, k + ".executionRate", p.timeProgress().executed(), e);
            amount(soft, k + ".timeProgressRatio", p.timeProgress().ratio(), e);
        }
        soft.assertThat(lines).as("execution lines: the department and each project").hasSize(1 + projects.size());
        for (ExecutionLine l : lines) {
            soft.assertThat(l.departmentCode()).isEqualTo(in.departmentCode());
            if (l.projectCode() == null) {
                amount(soft, "initialBudget", l.initialBudget(), e);
                amount(soft, "adjustmentTotal", l.adjustmentTotal(), e);
                amount(soft, "adjustedBudget", l.adjustedBudget(), e);
                amount(soft, "actualExpenditure", l.executed(), e);
            } else {
                String k = "project." + l.projectCode();
                amount(soft, k + ".initialBudget", l.initialBudget(), e);
                amount(soft, k + ".adjustedBudget", l.adjustedBudget(), e);
                amount(soft, k + ".executed", l.executed(), e);
                soft.assertThat(l.adjustmentTotal()).as(k + ".adjustmentTotal (execution)")
                        .isEqualByComparingTo(((BigDecimal) e.get(k + ".adjustedBudget"))
                                .subtract((BigDecimal) e.get(k + ".initialBudget")));
            }
        }
    }

    private static void threePublic(SoftAssertions soft, String key, BigDecimal budget, BigDecimal actual,
            BigDecimal prior, Rate control, Rate change, Map<String, Object> e) {
        amount(soft, key + ".budget", budget, e);
        amount(soft, key + ".actual", actual, e);
        amount(soft, key + ".prior", prior, e);
        rate(soft, key + ".controlRate", control, e);
        rate(soft, key + ".changeRate", change, e);
    }

    private static void amount(SoftAssertions soft, String key, BigDecimal actual, Map<String, Object> e) {
        assertThat(e).as("the SQL computes " + key).containsKey(key);
        BigDecimal expected = (BigDecimal) e.get(key);
        if (expected == null) {
            soft.assertThat(actual).as(key).isNull();
        } else {
            soft.assertThat(actual).as(key).isNotNull();
            if (actual != null) {
                soft.assertThat(actual).as(key).isEqualByComparingTo(expected);
            }
        }
    }

    private static void rate(SoftAssertions soft, String key, Rate actual, Map<String, Object> e) {
        assertThat(e).as("the SQL computes " + key).containsKey(key);
        SqlRate expected = (SqlRate) e.get(key);
        if (expected == null) {
            soft.assertThat(actual).as(key).isNull();
            return;
        }
        soft.assertThat(actual).as(key).isNotNull();
        if (actual != null) {
            soft.assertThat(actual.ratio()).as(key + ".ratio").isEqualByComparingTo(expected.ratio());
            soft.assertThat(actual.percent()).as(key + ".percent").isEqualByComparingTo(expected.percent());
        }
    }
}
