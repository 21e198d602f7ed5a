-- Plausibility checks now run in memory during import; the extra index of V10 only slowed
-- bulk inserts (every observation row maintained three indexes).
DROP INDEX IF EXISTS observation_area;
