-- report-service: narratives written by departments, generated documents with the versions of their inputs,
-- and batch jobs.

-- A narrative section of a department-year (project_code '') or a project-year. Versioned: every save keeps the
-- previous text in narrative_revision.
CREATE TABLE narrative (
    id              BIGSERIAL PRIMARY KEY,
    department_code VARCHAR(40)  NOT NULL,
    fiscal_year     INT          NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    project_code    VARCHAR(60)  NOT NULL DEFAULT '',
    section         VARCHAR(40)  NOT NULL,
    content         TEXT         NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    updated_by      VARCHAR(100) NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (department_code, fiscal_year, project_code, section)
);

CREATE TABLE narrative_revision (
    id           BIGSERIAL PRIMARY KEY,
    narrative_id BIGINT       NOT NULL REFERENCES narrative (id) ON DELETE CASCADE,
    version      BIGINT       NOT NULL,
    content      TEXT         NOT NULL,
    saved_by     VARCHAR(100) NOT NULL,
    saved_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (narrative_id, version)
);

-- 主要任务 of a department-year's form: a list of tasks (JSON array), versioned like a section.
CREATE TABLE task_list (
    id              BIGSERIAL PRIMARY KEY,
    department_code VARCHAR(40)  NOT NULL,
    fiscal_year     INT          NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    tasks           TEXT         NOT NULL, -- a JSON array, read and written by the service
    version         BIGINT       NOT NULL DEFAULT 0,
    updated_by      VARCHAR(100) NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (department_code, fiscal_year)
);

-- A generated document: its bytes, checksum, and whether an input changed since (stale).
CREATE TABLE document (
    id              BIGSERIAL PRIMARY KEY,
    type            VARCHAR(30)  NOT NULL,
    format          VARCHAR(10)  NOT NULL,
    department_code VARCHAR(40)  NOT NULL DEFAULT '',
    fiscal_year     INT          NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    project_code    VARCHAR(60)  NOT NULL DEFAULT '',
    region          VARCHAR(100) NOT NULL DEFAULT '',
    file_name       VARCHAR(300) NOT NULL,
    media_type      VARCHAR(120) NOT NULL,
    content         BYTEA        NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    sha256          VARCHAR(64)  NOT NULL,
    keep_current    BOOLEAN      NOT NULL DEFAULT false,
    stale           BOOLEAN      NOT NULL DEFAULT false,
    stale_reason    VARCHAR(500),
    stale_since     TIMESTAMPTZ,
    generation      INT          NOT NULL DEFAULT 1,
    generated_at    TIMESTAMPTZ  NOT NULL,
    generated_by    VARCHAR(100) NOT NULL,
    generation_ms   BIGINT       NOT NULL,
    -- A replica regenerating this document claims it until then (several replicas share the work).
    claimed_until   TIMESTAMPTZ,
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX document_subject ON document (department_code, fiscal_year);
CREATE INDEX document_regenerate ON document (id) WHERE stale AND keep_current;

-- The version of every input a document was built from. kind/input_key:
--   DEPARTMENT           department code         version = department version (budget-service)
--   BUDGET               code:year               version = data version of the department-year (budget-service)
--   EVALUATION           evaluation id           version = evaluation version (evaluation-service)
--   SUBJECT_EVALUATIONS  code:year[:project]     ref = the evaluation shown ('' none): another one appearing matters
--   NARRATIVE            code:year[:project]     version = Σ (section version + 1), local
--   REGION               region name             version = 0: a department joining or leaving matters
CREATE TABLE document_input (
    document_id BIGINT       NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    kind        VARCHAR(20)  NOT NULL,
    input_key   VARCHAR(200) NOT NULL,
    version     BIGINT       NOT NULL,
    ref         VARCHAR(60)  NOT NULL DEFAULT '',
    PRIMARY KEY (document_id, kind, input_key)
);
CREATE INDEX document_input_lookup ON document_input (kind, input_key);

-- The newest version of each input that events (or local writes) have announced. A document stored with an older
-- version of an input is stale at once: this closes the window between fetching the inputs and storing the document.
CREATE TABLE input_version (
    kind       VARCHAR(20)  NOT NULL,
    input_key  VARCHAR(200) NOT NULL,
    version    BIGINT       NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, input_key)
);

-- Batch generation for a region and year.
CREATE TABLE batch_job (
    id           BIGSERIAL PRIMARY KEY,
    region       VARCHAR(100) NOT NULL,
    fiscal_year  INT          NOT NULL,
    type         VARCHAR(30)  NOT NULL,
    format       VARCHAR(10)  NOT NULL,
    status       VARCHAR(20)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total        INT          NOT NULL DEFAULT 0,
    done         INT          NOT NULL DEFAULT 0,
    failed       INT          NOT NULL DEFAULT 0,
    created_by   VARCHAR(100) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    message      VARCHAR(1000)
);

CREATE TABLE batch_item (
    job_id          BIGINT       NOT NULL REFERENCES batch_job (id) ON DELETE CASCADE,
    department_code VARCHAR(40)  NOT NULL,
    status          VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    document_id     BIGINT       REFERENCES document (id) ON DELETE SET NULL,
    error           VARCHAR(2000),
    PRIMARY KEY (job_id, department_code)
);
