-- Steering (issue 17): a reference figure says what it is. A name can be both a variable and an
-- indicator (unemployed: the count of unemployed, and the unemployment rate); before this column
-- the name alone decided, and a delivered count was read as the rate. Figures imported before
-- are 'unmarked' and read as then (an indicator's id names the indicator's value); an import of
-- the same file again replaces them by 'variable' or 'indicator' figures.
-- A new table rather than a changed primary key: H2 and PostgreSQL name the key differently.
CREATE TABLE reference_figure (
    region_code VARCHAR(64)  NOT NULL REFERENCES reference_region(code) ON DELETE CASCADE,
    year        INT          NOT NULL,
    kind        VARCHAR(12)  NOT NULL CHECK (kind IN ('variable', 'indicator', 'unmarked')),
    name        VARCHAR(64)  NOT NULL,
    value       DOUBLE PRECISION,
    status      VARCHAR(20)  NOT NULL,
    import_id   BIGINT       NOT NULL REFERENCES import(id),
    PRIMARY KEY (region_code, year, kind, name)
);
INSERT INTO reference_figure(region_code, year, kind, name, value, status, import_id)
    SELECT region_code, year, 'unmarked', variable, value, status, import_id FROM reference_value;
DROP TABLE reference_value;
