-- In-year monitoring (绩效运行监控): the likelihood that each indicator reaches its target.
ALTER TABLE indicator ADD COLUMN likelihood VARCHAR(20) CHECK (likelihood IN ('CERTAIN', 'POSSIBLE', 'IMPOSSIBLE'));
ALTER TABLE indicator ADD COLUMN likelihood_reason TEXT;
ALTER TABLE indicator ADD COLUMN likelihood_measure TEXT;
CREATE INDEX budget_figures_year_region ON budget_figures (fiscal_year, region);
