-- budget-service schema. Money is NUMERIC(18,2) yuan; nothing here is a float.

CREATE TABLE department (
    id              BIGSERIAL PRIMARY KEY,
    code            VARCHAR(40)  NOT NULL UNIQUE,
    name            VARCHAR(200) NOT NULL,
    region          VARCHAR(100) NOT NULL,
    parent_code     VARCHAR(40)  REFERENCES department (code),
    unit_count      INT          NOT NULL DEFAULT 1 CHECK (unit_count >= 0),
    functions       TEXT,
    internal_bodies TEXT,
    version         BIGINT       NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX department_region ON department (region);

-- A department's budget for one fiscal year.
CREATE TABLE department_budget (
    id              BIGSERIAL PRIMARY KEY,
    department_id   BIGINT      NOT NULL REFERENCES department (id),
    fiscal_year     INT         NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    staff_quota     INT         CHECK (staff_quota >= 0),
    actual_staff    INT         CHECK (actual_staff >= 0),
    carry_over      NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (carry_over >= 0),
    -- optimistic lock of the budget's own fields (ETag)
    version         BIGINT      NOT NULL DEFAULT 0,
    -- increases with every change of any figure of this department-year; events carry it
    data_version    BIGINT      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (department_id, fiscal_year)
);

-- Initial budget (年初预算) by expenditure type and funding source.
CREATE TABLE budget_allocation (
    budget_id        BIGINT NOT NULL REFERENCES department_budget (id) ON DELETE CASCADE,
    expenditure_type VARCHAR(20) NOT NULL CHECK (expenditure_type IN ('PERSONNEL', 'PUBLIC_FUNDS', 'PROJECT')),
    funding_source   VARCHAR(20) NOT NULL CHECK (funding_source IN ('GENERAL_PUBLIC', 'GOVERNMENT_FUND', 'OTHER')),
    amount           NUMERIC(18, 2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (budget_id, expenditure_type, funding_source)
);

-- "Three public" costs (三公经费): budget and last year's actual per category.
CREATE TABLE three_public_budget (
    budget_id         BIGINT NOT NULL REFERENCES department_budget (id) ON DELETE CASCADE,
    category          VARCHAR(20) NOT NULL CHECK (category IN ('RECEPTION', 'VEHICLES', 'OVERSEAS')),
    budget_amount     NUMERIC(18, 2) NOT NULL CHECK (budget_amount >= 0),
    prior_year_actual NUMERIC(18, 2) CHECK (prior_year_actual >= 0),
    PRIMARY KEY (budget_id, category)
);

CREATE TABLE project (
    id             BIGSERIAL PRIMARY KEY,
    budget_id      BIGINT       NOT NULL REFERENCES department_budget (id),
    code           VARCHAR(60)  NOT NULL,
    name           VARCHAR(300) NOT NULL,
    level          INT          NOT NULL CHECK (level IN (1, 2)),
    parent_id      BIGINT       REFERENCES project (id),
    funding_source VARCHAR(20)  NOT NULL CHECK (funding_source IN ('GENERAL_PUBLIC', 'GOVERNMENT_FUND', 'OTHER')),
    initial_budget NUMERIC(18, 2) NOT NULL CHECK (initial_budget >= 0),
    description    TEXT,
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (budget_id, code),
    CHECK ((level = 1 AND parent_id IS NULL) OR (level = 2 AND parent_id IS NOT NULL))
);

-- Budget adjustments (预算调整): 追加 ADDITION, 调减 REDUCTION, 划出 TRANSFER_OUT; a project's changes name it.
CREATE TABLE budget_adjustment (
    id               BIGSERIAL PRIMARY KEY,
    budget_id        BIGINT       NOT NULL REFERENCES department_budget (id),
    project_id       BIGINT       REFERENCES project (id),
    adjustment_date  DATE         NOT NULL,
    kind             VARCHAR(20)  NOT NULL CHECK (kind IN ('ADDITION', 'REDUCTION', 'TRANSFER_OUT')),
    amount           NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    expenditure_type VARCHAR(20)  NOT NULL CHECK (expenditure_type IN ('PERSONNEL', 'PUBLIC_FUNDS', 'PROJECT')),
    funding_source   VARCHAR(20)  NOT NULL CHECK (funding_source IN ('GENERAL_PUBLIC', 'GOVERNMENT_FUND', 'OTHER')),
    reason           TEXT         NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by       VARCHAR(100) NOT NULL,
    CHECK (project_id IS NULL OR expenditure_type = 'PROJECT')
);
CREATE INDEX budget_adjustment_budget ON budget_adjustment (budget_id, adjustment_date);

CREATE TABLE import_batch (
    id          BIGSERIAL PRIMARY KEY,
    kind        VARCHAR(20)  NOT NULL CHECK (kind IN ('EXPENDITURES', 'BUDGETS')),
    file_sha256 CHAR(64)     NOT NULL,
    file_name   VARCHAR(300),
    row_count   INT          NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by  VARCHAR(100) NOT NULL,
    UNIQUE (kind, file_sha256)
);

-- The expenditure ledger (支出台账). Append-only: a correction is a reversing entry (negative amount, reverses_id).
CREATE TABLE expenditure (
    id               BIGSERIAL PRIMARY KEY,
    budget_id        BIGINT       NOT NULL REFERENCES department_budget (id),
    project_id       BIGINT       REFERENCES project (id),
    entry_date       DATE         NOT NULL,
    amount           NUMERIC(18, 2) NOT NULL CHECK (amount <> 0),
    expenditure_type VARCHAR(20)  NOT NULL CHECK (expenditure_type IN ('PERSONNEL', 'PUBLIC_FUNDS', 'PROJECT')),
    funding_source   VARCHAR(20)  NOT NULL CHECK (funding_source IN ('GENERAL_PUBLIC', 'GOVERNMENT_FUND', 'OTHER')),
    economic_class   VARCHAR(20),
    three_public     VARCHAR(20)  CHECK (three_public IN ('RECEPTION', 'VEHICLES', 'OVERSEAS')),
    description      TEXT,
    reverses_id      BIGINT       REFERENCES expenditure (id),
    import_batch_id  BIGINT       REFERENCES import_batch (id),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by       VARCHAR(100) NOT NULL,
    CHECK (project_id IS NULL OR expenditure_type = 'PROJECT')
);
CREATE INDEX expenditure_budget_date ON expenditure (budget_id, entry_date);
CREATE INDEX expenditure_project ON expenditure (project_id) WHERE project_id IS NOT NULL;
CREATE UNIQUE INDEX expenditure_reversed_once ON expenditure (reverses_id) WHERE reverses_id IS NOT NULL;

CREATE FUNCTION expenditure_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the expenditure ledger is append-only: record a reversing entry instead';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER expenditure_append_only BEFORE UPDATE OR DELETE ON expenditure
    FOR EACH ROW EXECUTE FUNCTION expenditure_is_append_only();
