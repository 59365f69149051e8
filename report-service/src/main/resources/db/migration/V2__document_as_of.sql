-- The date a region document's figures and monitoring lights are cut at; null = 31 December of the fiscal year.
ALTER TABLE document ADD COLUMN as_of DATE;
