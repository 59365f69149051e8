-- The text of a budget-linked actual is the service's, from the ledger (DESIGN §4 "Scoring rules"): the percent with
-- two decimals, e.g. 93.00 → '93.00%'. An edit of the indicator's values used to overwrite it with the department's
-- (usually absent) text, so documents printed the bare number; restore it wherever it was lost or differs.
UPDATE indicator SET actual_text = to_char(actual, 'FM999999999990.00') || '%'
 WHERE rule ->> 'type' = 'BUDGET_LINKED' AND actual IS NOT NULL
   AND actual_text IS DISTINCT FROM to_char(actual, 'FM999999999990.00') || '%';
UPDATE indicator SET actual_text = NULL
 WHERE rule ->> 'type' = 'BUDGET_LINKED' AND actual IS NULL AND actual_text IS NOT NULL;
