-- Budget-linked actuals are in percent as shown (93.00, not the ratio 0.93), the unit of typed actuals, and a
-- budget-linked score is computed from that displayed percent (DESIGN §4 "Scoring rules"). Until now these actuals
-- held budget-service's ratio; convert them once. (Version-1 rules wrote their target as the ratio 1; the scoring
-- reads it as 100 %, so the rule documents stay as they were published.) Scores stay as stored until the next
-- rescoring of a draft; submitted and published evaluations keep the scores they were submitted with.
UPDATE indicator SET actual = round(actual * 100, 2)
 WHERE rule ->> 'type' = 'BUDGET_LINKED' AND actual IS NOT NULL;

-- Why execution rates outside 90–100 % are so where no indicator carries it (a department's own rate without a
-- budget-linked 预算执行率 indicator, each project of a department evaluation): {"subject": {"reason", "measure"},
-- "projects": {"<code>": {"reason", "measure"}}}.
ALTER TABLE evaluation ADD COLUMN execution_explanations JSONB;
