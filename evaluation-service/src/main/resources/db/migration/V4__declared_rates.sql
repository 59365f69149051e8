-- Rates as a department typed them into its form (e.g. 预算调整率), checked against those computed from the figures.
ALTER TABLE evaluation ADD COLUMN declared_rates JSONB;
