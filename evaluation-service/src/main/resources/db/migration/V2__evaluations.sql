-- Evaluations: an instance of a rule set's tree for a department-year or a project-year.

CREATE TABLE evaluation (
    id                      BIGSERIAL PRIMARY KEY,
    subject_type            VARCHAR(20)  NOT NULL CHECK (subject_type IN ('PROJECT', 'DEPARTMENT')),
    department_code         VARCHAR(40)  NOT NULL,
    fiscal_year             INT          NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    project_code            VARCHAR(60),
    kind                    VARCHAR(20)  NOT NULL CHECK (kind IN ('SELF', 'DEPARTMENT', 'FINANCE')),
    rule_set_id             BIGINT       NOT NULL REFERENCES rule_set (id),
    status                  VARCHAR(20)  NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED')),
    total                   NUMERIC(7, 2),
    grade                   VARCHAR(20),
    rescaled                BOOLEAN      NOT NULL DEFAULT false,
    budget_data_version     BIGINT,
    budget_changed_after_submission BOOLEAN NOT NULL DEFAULT false,
    version                 BIGINT       NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by              VARCHAR(100) NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK ((subject_type = 'PROJECT') = (project_code IS NOT NULL))
);
CREATE UNIQUE INDEX evaluation_subject ON evaluation (subject_type, department_code, fiscal_year, COALESCE(project_code, ''), kind);
CREATE INDEX evaluation_department_year ON evaluation (department_code, fiscal_year);

CREATE TABLE indicator (
    id                BIGSERIAL PRIMARY KEY,
    evaluation_id     BIGINT       NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    parent_code       VARCHAR(40),
    level             INT          NOT NULL CHECK (level BETWEEN 1 AND 3),
    position          INT          NOT NULL,
    code              VARCHAR(40)  NOT NULL,
    name              VARCHAR(300) NOT NULL,
    weight            NUMERIC(7, 2),
    explanation       TEXT,
    unit              VARCHAR(40),
    direction         VARCHAR(2),
    extensible        BOOLEAN      NOT NULL DEFAULT false,
    custom            BOOLEAN      NOT NULL DEFAULT false,
    rule              JSONB,
    target            NUMERIC(20, 4),
    target_text       VARCHAR(300),
    actual            NUMERIC(20, 4),
    actual_text       VARCHAR(300),
    band              VARCHAR(20),
    proposed_score    NUMERIC(7, 2),
    yes               BOOLEAN,
    justification     TEXT,
    not_applicable    BOOLEAN      NOT NULL DEFAULT false,
    score             NUMERIC(7, 2),
    score_explanation JSONB,
    reason            TEXT,
    measure           TEXT,
    UNIQUE (evaluation_id, code)
);

-- Workflow steps (DRAFT → SUBMITTED → RETURNED | APPROVED → PUBLISHED): who, when, comment.
CREATE TABLE evaluation_step (
    id            BIGSERIAL PRIMARY KEY,
    evaluation_id BIGINT       NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    from_status   VARCHAR(20),
    to_status     VARCHAR(20)  NOT NULL,
    actor         VARCHAR(100) NOT NULL,
    at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    comment       TEXT
);

-- Audit trail: every change of an evaluation, who made it and what it was.
CREATE TABLE audit_entry (
    id            BIGSERIAL PRIMARY KEY,
    evaluation_id BIGINT       NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    actor         VARCHAR(100) NOT NULL,
    at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    action        VARCHAR(60)  NOT NULL,
    detail        JSONB
);
CREATE INDEX audit_entry_evaluation ON audit_entry (evaluation_id, id);

-- The latest budget figures of each department-year and project, as budget.events reported them.
CREATE TABLE budget_figures (
    department_code VARCHAR(40) NOT NULL,
    fiscal_year     INT         NOT NULL,
    project_code    VARCHAR(60) NOT NULL DEFAULT '',
    data_version    BIGINT      NOT NULL,
    metrics         JSONB       NOT NULL,
    region          VARCHAR(100),
    received_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (department_code, fiscal_year, project_code)
);
