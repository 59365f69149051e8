package gov.budgetperf.budget.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import gov.budgetperf.budget.budget.Allocation;
import gov.budgetperf.budget.budget.BudgetService;
import gov.budgetperf.budget.budget.DepartmentBudget;
import gov.budgetperf.budget.budget.ExpenditureType;
import gov.budgetperf.budget.budget.FundingSource;
import gov.budgetperf.budget.budget.ThreePublicCategory;
import gov.budgetperf.budget.config.BudgetConfig;
import gov.budgetperf.budget.department.Department;
import gov.budgetperf.budget.events.BudgetEvents;
import gov.budgetperf.budget.project.Project;
import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.problem.Violation;
import gov.budgetperf.common.security.CallerAccess;

/**
 * Bulk import of ledger entries and budgets from CSV or XLSX: every row is validated, a file is imported whole or
 * not at all (422 with every rejected row: row, column, reason), and a file imported before (same SHA-256) is a
 * no-op. Ledger rows are streamed into PostgreSQL with COPY inside the import's transaction.
 */
@ApplicationScoped
public class ImportService {

    /** Most rejections listed in one report; the detail still gives the total. */
    static final int MAX_REPORTED = 1000;

    static final String EXPENDITURES = "EXPENDITURES";
    static final String BUDGETS = "BUDGETS";

    private static final LinkedHashMap<String, List<String>> LEDGER_COLUMNS = new LinkedHashMap<>();
    private static final LinkedHashMap<String, List<String>> BUDGET_COLUMNS = new LinkedHashMap<>();
    static {
        LEDGER_COLUMNS.put("department_code", List.of("departmentCode", "部门编码", "单位编码"));
        LEDGER_COLUMNS.put("fiscal_year", List.of("fiscalYear", "year", "年度"));
        LEDGER_COLUMNS.put("date", List.of("entry_date", "日期", "支付日期"));
        LEDGER_COLUMNS.put("amount", List.of("金额", "支出金额"));
        LEDGER_COLUMNS.put("expenditure_type", List.of("expenditureType", "支出类型"));
        LEDGER_COLUMNS.put("funding_source", List.of("fundingSource", "资金来源"));
        LEDGER_COLUMNS.put("project_code", List.of("projectCode", "项目编码"));
        LEDGER_COLUMNS.put("economic_class", List.of("economicClass", "经济分类"));
        LEDGER_COLUMNS.put("three_public", List.of("threePublic", "三公经费"));
        LEDGER_COLUMNS.put("description", List.of("摘要", "说明"));
        BUDGET_COLUMNS.put("department_code", List.of("departmentCode", "部门编码", "单位编码"));
        BUDGET_COLUMNS.put("fiscal_year", List.of("fiscalYear", "year", "年度"));
        BUDGET_COLUMNS.put("expenditure_type", List.of("expenditureType", "支出类型"));
        BUDGET_COLUMNS.put("funding_source", List.of("fundingSource", "资金来源"));
        BUDGET_COLUMNS.put("amount", List.of("金额", "年初预算"));
    }

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CallerAccess access;

    @Inject
    BudgetEvents events;

    @Inject
    BudgetConfig config;

    /** Copies the upload to a temporary file, computing its SHA-256 on the way. */
    public static Upload receive(InputStream body) throws IOException {
        Path tmp = Files.createTempFile("import-", ".upload");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream in = new DigestInputStream(body, sha)) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return new Upload(tmp, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    public record Upload(Path file, String sha256) {
    }

    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public ImportReport importExpenditures(Upload upload, TabularReader.Format format, String fileName) {
        access.requireWriter();
        Optional<ImportReport> earlier = earlier(EXPENDITURES, upload.sha256());
        if (earlier.isPresent()) {
            requireWritableRows(upload, format, LEDGER_COLUMNS);
            return earlier.get();
        }
        // Serialise imports of the same file: the unique key on (kind, sha256) decides the race.
        long batchId = newBatch(EXPENDITURES, upload.sha256(), fileName);
        LedgerRows rows = new LedgerRows(batchId);
        preload(rows);
        em.flush();
        try (Connection c = dataSource.getConnection()) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY expenditure (budget_id, project_id, entry_date, amount, expenditure_type, funding_source, "
                            + "economic_class, three_public, description, import_batch_id, created_by) FROM STDIN (FORMAT csv)");
            rows.copy = copy;
            try {
                TabularReader.read(upload.file(), format, rows::row);
                rows.flush(true);
                rows.finish();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (IOException e) {
            throw ProblemException.invalid("file", e.getMessage());
        } catch (UncheckedIOException e) {
            throw ProblemException.invalid("file", e.getCause().getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the ledger failed: " + e.getMessage(), e);
        }
        em.createNativeQuery("UPDATE import_batch SET row_count = ?1 WHERE id = ?2").setParameter(1, rows.count)
                .setParameter(2, batchId).executeUpdate();
        List<String> keys = new ArrayList<>();
        for (var e : rows.touched.entrySet()) {
            DepartmentBudget b = DepartmentBudget.findById(e.getKey());
            List<Project> projects = new ArrayList<>();
            for (Long pid : e.getValue()) {
                Project p = Project.findById(pid);
                for (Project q : BudgetService.withParent(p)) {
                    if (!projects.contains(q)) {
                        projects.add(q);
                    }
                }
            }
            events.budgetChanged(b, "EXPENDITURES_IMPORTED", projects);
            keys.add(b.department.code + ":" + b.fiscalYear);
        }
        return new ImportReport(batchId, "IMPORTED", EXPENDITURES, fileName, upload.sha256(), rows.count, keys,
                OffsetDateTime.now());
    }

    /** Validates ledger rows and streams the valid ones into COPY while no row has been rejected. */
    private final class LedgerRows {
        final long batchId;
        final Columns columns = new Columns(LEDGER_COLUMNS,
                List.of("department_code", "fiscal_year", "date", "amount"));
        final List<Violation> errors = new ArrayList<>();
        /** "code:year" → budget id. */
        final Map<String, Long> budgets = new HashMap<>();
        /** "budgetId:projectCode" → [project id, funding source]. */
        final Map<String, Object[]> projects = new HashMap<>();
        final Map<Long, Set<Long>> touched = new LinkedHashMap<>();
        final StringBuilder buffer = new StringBuilder(1 << 17);
        final String user = csv(access.user());
        CopyIn copy;
        boolean headerSeen;
        long count;
        long rejected;

        LedgerRows(long batchId) {
            this.batchId = batchId;
        }

        void row(long number, List<String> cells) {
            if (!headerSeen) {
                headerSeen = true;
                List<Violation> missing = columns.header(cells);
                if (!missing.isEmpty()) {
                    throw ProblemException.unprocessable("The header row lacks required columns; nothing was imported",
                            missing);
                }
                return;
            }
            if (count + rejected >= config.importMaxRows()) {
                throw ProblemException.unprocessable("More than " + config.importMaxRows()
                        + " rows in one file; split it. Nothing was imported", List.of());
            }
            String dept = field(number, "department_code", () -> Cells.required(columns.get(cells, "department_code")));
            Integer year = field(number, "fiscal_year", () -> Cells.year(columns.get(cells, "fiscal_year")));
            LocalDate date = field(number, "date", () -> Cells.date(columns.get(cells, "date")));
            BigDecimal amount = field(number, "amount", () -> Cells.amount(columns.get(cells, "amount"), true, false));
            String projectCode = columns.get(cells, "project_code");
            String typeCell = columns.get(cells, "expenditure_type");
            ExpenditureType type = typeCell.isEmpty()
                    ? (projectCode.isEmpty() ? null : ExpenditureType.PROJECT)
                    : field(number, "expenditure_type", () -> Cells.type(typeCell));
            if (type == null && typeCell.isEmpty()) {
                reject(number, "expenditure_type", "is required when no project_code is given");
            }
            String sourceCell = columns.get(cells, "funding_source");
            FundingSource source = sourceCell.isEmpty()
                    ? null
                    : field(number, "funding_source", () -> Cells.source(sourceCell));
            ThreePublicCategory threePublic = field(number, "three_public",
                    () -> Cells.threePublic(columns.get(cells, "three_public")));
            String economicClass = columns.get(cells, "economic_class");
            if (economicClass.length() > 20) {
                reject(number, "economic_class", "longer than 20 characters");
            }
            Long budget = null;
            if (dept != null && !access.mayWrite(dept)) {
                throw notYours(number, dept);
            }
            if (dept != null && year != null) {
                budget = budgets.get(dept + ":" + year);
                if (budget == null) {
                    reject(number, "department_code", "no budget of department " + dept + " for " + year);
                }
            }
            if (date != null && year != null && date.getYear() != year) {
                reject(number, "date", date + " is outside fiscal year " + year);
            }
            Long projectId = null;
            if (!projectCode.isEmpty() && budget != null) {
                Object[] p = projects.get(budget + ":" + projectCode);
                if (p == null) {
                    reject(number, "project_code", "no project " + projectCode + " in " + dept + "/" + year);
                } else {
                    projectId = (Long) p[0];
                    if (source == null) {
                        source = (FundingSource) p[1];
                    }
                    if (type != null && type != ExpenditureType.PROJECT) {
                        reject(number, "expenditure_type", "a project's expenditure is of type PROJECT");
                    }
                }
            }
            if (!errors.isEmpty() || rejected > 0) {
                // Once a row is rejected nothing will be imported: keep validating only, to report every rejection.
                return;
            }
            if (source == null) {
                source = FundingSource.GENERAL_PUBLIC;
            }
            touched.computeIfAbsent(budget, k -> new LinkedHashSet<>());
            if (projectId != null) {
                touched.get(budget).add(projectId);
            }
            count++;
            buffer.append(budget).append(',').append(projectId == null ? "" : projectId).append(',').append(date)
                    .append(',').append(amount.toPlainString()).append(',').append(type).append(',').append(source)
                    .append(',').append(csv(economicClass)).append(',').append(threePublic == null ? "" : threePublic)
                    .append(',').append(csv(columns.get(cells, "description"))).append(',').append(batchId).append(',')
                    .append(user).append('\n');
            flush(false);
        }

        void flush(boolean all) {
            if (buffer.length() == 0 || (!all && buffer.length() < (1 << 16))) {
                return;
            }
            if (errors.isEmpty() && rejected == 0) {
                byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                try {
                    copy.writeToCopy(bytes, 0, bytes.length);
                } catch (SQLException e) {
                    throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
                }
            }
            buffer.setLength(0);
        }

        void finish() {
            if (!errors.isEmpty() || rejected > 0) {
                long total = errors.size() + rejected;
                throw ProblemException.unprocessable(total + " row(s) rejected; nothing was imported"
                        + (total > errors.size() ? " (first " + errors.size() + " listed)" : ""), errors);
            }
            if (!headerSeen) {
                throw ProblemException.unprocessable("The file is empty", List.of(new Violation("file", "no header row")));
            }
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
            }
        }

        private void reject(long row, String column, String reason) {
            if (errors.size() < MAX_REPORTED) {
                errors.add(new Violation(column, reason, row));
            } else {
                rejected++;
            }
        }

        private <T> T field(long row, String column, java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (IllegalArgumentException e) {
                reject(row, column, e.getMessage());
                return null;
            }
        }
    }

    /**
     * Every department-year and project, loaded before the COPY starts: while COPY streams, its connection (the
     * transaction's) can run no other statement.
     */
    @SuppressWarnings("unchecked")
    private void preload(LedgerRows rows) {
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT b.id, d.code, b.fiscal_year FROM department_budget b "
                + "JOIN department d ON d.id = b.department_id").getResultList()) {
            rows.budgets.put(r[1] + ":" + r[2], ((Number) r[0]).longValue());
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT budget_id, code, id, funding_source FROM project")
                .getResultList()) {
            rows.projects.put(r[0] + ":" + r[1], new Object[]{((Number) r[2]).longValue(),
                    FundingSource.valueOf((String) r[3])});
        }
    }

    /** Imports initial budgets (年初预算): each row sets one cell; missing budgets are created. */
    @Transactional
    public ImportReport importBudgets(Upload upload, TabularReader.Format format, String fileName) {
        access.requireWriter();
        Optional<ImportReport> earlier = earlier(BUDGETS, upload.sha256());
        if (earlier.isPresent()) {
            requireWritableRows(upload, format, BUDGET_COLUMNS);
            return earlier.get();
        }
        long batchId = newBatch(BUDGETS, upload.sha256(), fileName);
        Columns columns = new Columns(BUDGET_COLUMNS,
                List.of("department_code", "fiscal_year", "expenditure_type", "funding_source", "amount"));
        List<Violation> errors = new ArrayList<>();
        record Cell(long row, String dept, int year, ExpenditureType type, FundingSource source, BigDecimal amount) {
        }
        List<Cell> cells = new ArrayList<>();
        boolean[] header = {false};
        try {
            TabularReader.read(upload.file(), format, (number, row) -> {
                if (!header[0]) {
                    header[0] = true;
                    List<Violation> missing = columns.header(row);
                    if (!missing.isEmpty()) {
                        throw ProblemException.unprocessable("The header row lacks required columns", missing);
                    }
                    return;
                }
                int before = errors.size();
                String dept = parse(errors, number, "department_code",
                        () -> Cells.required(columns.get(row, "department_code")));
                Integer year = parse(errors, number, "fiscal_year", () -> Cells.year(columns.get(row, "fiscal_year")));
                ExpenditureType type = parse(errors, number, "expenditure_type",
                        () -> Cells.type(columns.get(row, "expenditure_type")));
                FundingSource source = parse(errors, number, "funding_source",
                        () -> Cells.source(columns.get(row, "funding_source")));
                BigDecimal amount = parse(errors, number, "amount",
                        () -> Cells.amount(columns.get(row, "amount"), false, true));
                if (dept != null) {
                    if (!access.mayWrite(dept)) {
                        throw notYours(number, dept);
                    }
                    if (Department.byCode(dept).isEmpty()) {
                        errors.add(new Violation("department_code", "no department " + dept, number));
                    }
                }
                if (errors.size() == before) {
                    cells.add(new Cell(number, dept, year, type, source, amount));
                }
            });
        } catch (IOException e) {
            throw ProblemException.invalid("file", e.getMessage());
        }
        Map<String, Long> firstRow = new HashMap<>();
        for (Cell c : cells) {
            Long prev = firstRow.putIfAbsent(c.dept + ":" + c.year + ":" + c.type + ":" + c.source, c.row);
            if (prev != null) {
                errors.add(new Violation("amount", "the same department, year, type and source is on row " + prev, c.row));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.size() + " row(s) rejected; nothing was imported",
                    errors.size() > MAX_REPORTED ? errors.subList(0, MAX_REPORTED) : errors);
        }
        // One order for every import: existing budgets locked by id, missing ones created by key.
        Map<String, Cell> byBudget = new TreeMap<>();
        for (Cell c : cells) {
            byBudget.putIfAbsent(c.dept + ":" + c.year, c);
        }
        lockBudgets(List.copyOf(byBudget.keySet()));
        Map<String, DepartmentBudget> changed = new LinkedHashMap<>();
        for (var e : byBudget.entrySet()) {
            Cell c = e.getValue();
            changed.put(e.getKey(), DepartmentBudget.of(c.dept, c.year).orElseGet(() -> {
                DepartmentBudget nb = new DepartmentBudget();
                nb.department = Department.byCode(c.dept).orElseThrow();
                nb.fiscalYear = c.year;
                nb.persist();
                return nb;
            }));
        }
        for (Cell c : cells) {
            DepartmentBudget b = changed.get(c.dept + ":" + c.year);
            b.allocations.removeIf(a -> a.expenditureType == c.type && a.fundingSource == c.source);
            b.allocations.add(new Allocation(c.type, c.source, c.amount));
        }
        em.createNativeQuery("UPDATE import_batch SET row_count = ?1 WHERE id = ?2").setParameter(1, cells.size())
                .setParameter(2, batchId).executeUpdate();
        for (DepartmentBudget b : changed.values()) {
            events.budgetChanged(b, "BUDGETS_IMPORTED", List.of());
        }
        return new ImportReport(batchId, "IMPORTED", BUDGETS, fileName, upload.sha256(), cells.size(),
                List.copyOf(changed.keySet()), OffsetDateTime.now());
    }

    /**
     * A 403 for a row naming a department the caller may not change (CallerAccess's write rule): the whole file is
     * refused, nothing is imported, and the rest of it is not read.
     */
    private static ProblemException notYours(long row, String dept) {
        return CallerAccess.denied("Row " + row + " names department " + dept + ", which you may not change; nothing "
                + "was imported", List.of(new Violation("department_code", "you may not change department " + dept, row)));
    }

    /**
     * Before the report of a file imported earlier is returned to a caller bound to a department: every row of the
     * file must name a department it may change, as on a first import (finance may change them all).
     */
    private void requireWritableRows(Upload upload, TabularReader.Format format,
            LinkedHashMap<String, List<String>> aliases) {
        if (access.isFinance()) {
            return;
        }
        Columns columns = new Columns(aliases, List.of("department_code"));
        boolean[] header = {false};
        try {
            TabularReader.read(upload.file(), format, (number, cells) -> {
                if (!header[0]) {
                    header[0] = true;
                    columns.header(cells);
                    return;
                }
                String dept = columns.get(cells, "department_code");
                if (!access.mayWrite(dept)) {
                    throw notYours(number, dept);
                }
            });
        } catch (IOException e) {
            throw ProblemException.invalid("file", e.getMessage());
        }
    }

    /** An import batch: it may span departments, so only callers reading every department see it. */
    /**
     * Locks the existing budgets an import changes, in id order, before writing any: two imports touching the same
     * budgets in opposite file order would otherwise each hold one row the other waits for (a deadlock). Single-budget
     * writes lock one row only, so one order for multi-row writers suffices. NO KEY UPDATE is the lock the updates
     * take anyway: it queues imports behind each other without blocking ledger entries' foreign-key checks.
     */
    private void lockBudgets(List<String> departmentYears) {
        if (departmentYears.isEmpty()) {
            return;
        }
        em.createNativeQuery("SELECT b.id FROM department_budget b JOIN department d ON d.id = b.department_id "
                + "WHERE d.code || ':' || b.fiscal_year IN (?1) ORDER BY b.id FOR NO KEY UPDATE OF b")
                .setParameter(1, departmentYears).getResultList();
    }

    public ImportReport get(long id) {
        access.requireAllDepartments();
        Object[] r = batchRow("SELECT id, kind, file_name, file_sha256, row_count, created_at, created_by FROM import_batch "
                + "WHERE id = ?1", id).orElseThrow(() -> ProblemException.notFound("No import " + id));
        return report(r, "IMPORTED");
    }

    private Optional<ImportReport> earlier(String kind, String sha) {
        return batchRow("SELECT id, kind, file_name, file_sha256, row_count, created_at, created_by FROM import_batch "
                + "WHERE kind = ?1 AND file_sha256 = ?2", kind, sha).map(r -> report(r, "ALREADY_IMPORTED"));
    }

    @SuppressWarnings("unchecked")
    private Optional<Object[]> batchRow(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        List<Object[]> rows = q.getResultList();
        return rows.stream().findFirst();
    }

    private ImportReport report(Object[] r, String status) {
        long id = ((Number) r[0]).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> keys = em.createNativeQuery(r[1].equals(EXPENDITURES)
                ? "SELECT DISTINCT d.code, b.fiscal_year FROM expenditure e JOIN department_budget b ON b.id = e.budget_id "
                        + "JOIN department d ON d.id = b.department_id WHERE e.import_batch_id = ?1 ORDER BY 1, 2"
                : "SELECT NULL, NULL WHERE ?1 < 0").setParameter(1, id).getResultList();
        List<String> departmentYears = keys.stream().map(k -> k[0] + ":" + k[1]).toList();
        OffsetDateTime at = r[5] instanceof OffsetDateTime o
                ? o
                : r[5] instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC) : null;
        return new ImportReport(id, status, (String) r[1], (String) r[2], ((String) r[3]).trim(),
                ((Number) r[4]).longValue(), departmentYears, at);
    }

    private long newBatch(String kind, String sha, String fileName) {
        return ((Number) em.createNativeQuery("INSERT INTO import_batch (kind, file_sha256, file_name, row_count, created_by) "
                + "VALUES (?1, ?2, ?3, 0, ?4) RETURNING id").setParameter(1, kind).setParameter(2, sha)
                .setParameter(3, fileName).setParameter(4, access.user()).getSingleResult()).longValue();
    }

    private static <T> T parse(List<Violation> errors, long row, String column, java.util.function.Supplier<T> p) {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            errors.add(new Violation(column, e.getMessage(), row));
            return null;
        }
    }

    /** A value for COPY's CSV format: quoted when needed, empty for empty (= NULL). */
    static String csv(String v) {
        if (v == null || v.isEmpty()) {
            return "";
        }
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
