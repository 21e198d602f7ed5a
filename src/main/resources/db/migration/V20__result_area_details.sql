-- Method (V20-V29): make a stored result set self-contained, so that profiles, exports and
-- releases need no other table: the boundary version it was computed on (name, level, parent and
-- the order of the areas) and the population that decided participation; the base year t - k and
-- the notes (indicators left out) of the computation.
ALTER TABLE result_area ADD COLUMN area_name VARCHAR(200);
ALTER TABLE result_area ADD COLUMN level VARCHAR(64);
ALTER TABLE result_area ADD COLUMN parent_code VARCHAR(64);
ALTER TABLE result_area ADD COLUMN population DOUBLE PRECISION;
ALTER TABLE result_area ADD COLUMN ordinal INTEGER;
ALTER TABLE result_set ADD COLUMN base_year INTEGER;
ALTER TABLE result_set ADD COLUMN notes TEXT;
CREATE INDEX result_set_year ON result_set(year);
