-- Finding the department-years of an earlier import (re-import of the same file) must not scan the ledger.
CREATE INDEX expenditure_import_batch ON expenditure (import_batch_id) WHERE import_batch_id IS NOT NULL;
