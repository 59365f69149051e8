-- Budget ratios arrive with 12 decimals: keep them exactly, so a re-sent ratio is recognised as unchanged and a
-- score never moves when its data did not.
ALTER TABLE indicator ALTER COLUMN actual TYPE NUMERIC(24, 12), ALTER COLUMN target TYPE NUMERIC(24, 12);
