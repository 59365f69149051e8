-- The ledger summed per department-year, project and month, kept by the database itself: a statement-level
-- trigger adds what each INSERT (or COPY) of the append-only ledger brings, set-based, in the same transaction.
-- A region's figures as of a date then read whole months here and only the days of the as-of month from the
-- ledger (ExecutionRepository), instead of every entry of the year.
CREATE TABLE ledger_month (
    budget_id  BIGINT         NOT NULL REFERENCES department_budget (id),
    -- null: spending of the department that is not a project's
    project_id BIGINT         REFERENCES project (id),
    -- the first day of the month
    month      DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    amount     NUMERIC(18, 2) NOT NULL,
    entries    INT            NOT NULL CHECK (entries > 0)
);
CREATE UNIQUE INDEX ledger_month_key ON ledger_month (budget_id, COALESCE(project_id, 0), month);

CREATE FUNCTION ledger_month_add() RETURNS trigger AS $$
BEGIN
    INSERT INTO ledger_month (budget_id, project_id, month, amount, entries)
    SELECT budget_id, project_id, date_trunc('month', entry_date)::date, SUM(amount), COUNT(*)
    FROM inserted GROUP BY 1, 2, 3
    -- in key order, so that two statements adding to the same months lock them in the same order
    ORDER BY 1, COALESCE(project_id, 0), 3
    ON CONFLICT (budget_id, COALESCE(project_id, 0), month)
        DO UPDATE SET amount = ledger_month.amount + EXCLUDED.amount, entries = ledger_month.entries + EXCLUDED.entries;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER expenditure_ledger_month AFTER INSERT ON expenditure
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION ledger_month_add();

-- the ledger so far
INSERT INTO ledger_month (budget_id, project_id, month, amount, entries)
SELECT budget_id, project_id, date_trunc('month', entry_date)::date, SUM(amount), COUNT(*)
FROM expenditure GROUP BY 1, 2, 3;
