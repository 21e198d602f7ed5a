-- Ingest: what an import delivered, so that supersession ("same source and periods") and
-- conflicts between deliveries are decided without scanning observations.
ALTER TABLE import ADD COLUMN periods VARCHAR(400);
ALTER TABLE import ADD COLUMN variables VARCHAR(4000);
-- Looking up the previous delivery of a source.
CREATE INDEX import_source ON import(source);
-- Previous-period and part/whole plausibility joins look rows up by area first.
CREATE INDEX observation_area ON observation(area_code, variable, year);
