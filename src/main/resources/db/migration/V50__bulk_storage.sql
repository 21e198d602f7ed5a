-- Storage (V50-V59): observations and results are written millions of rows at a time (an import
-- of a grid county, one computation). Their tables keep no primary key, unique index or foreign
-- key: the writer guarantees uniqueness and the import/result-set reference (ingest's sink rejects
-- duplicate keys before a row is written; a result set writes each key once), and H2 checked a
-- unique index row by row inside the open transaction, which made writing them slow (issue 15).
-- What remains is one non-unique index per table for the way it is read: by import, by result set.
CREATE TABLE observation_v50 (
    import_id    BIGINT       NOT NULL,
    area_code    VARCHAR(64)  NOT NULL,
    year         INTEGER      NOT NULL,
    variable     VARCHAR(64)  NOT NULL,
    target_group VARCHAR(200) NOT NULL DEFAULT '',
    value        DOUBLE PRECISION,
    status       VARCHAR(24)  NOT NULL
);
INSERT INTO observation_v50(import_id, area_code, year, variable, target_group, value, status)
    SELECT import_id, area_code, year, variable, target_group, value, status FROM observation;
DROP TABLE observation;
ALTER TABLE observation_v50 RENAME TO observation;
CREATE INDEX observation_import ON observation(import_id, area_code, year, variable);

CREATE TABLE result_area_v50 (
    result_set_id   BIGINT       NOT NULL,
    area_code       VARCHAR(64)  NOT NULL,
    year            INTEGER      NOT NULL,
    status_raw      DOUBLE PRECISION,
    status_index    DOUBLE PRECISION,
    status_class    VARCHAR(16),
    dynamics_raw    DOUBLE PRECISION,
    dynamics_index  DOUBLE PRECISION,
    dynamics_class  VARCHAR(16),
    attention       BOOLEAN      NOT NULL,
    excluded        VARCHAR(200),
    area_name       VARCHAR(200),
    level           VARCHAR(64),
    parent_code     VARCHAR(64),
    population      DOUBLE PRECISION,
    ordinal         INTEGER
);
INSERT INTO result_area_v50(result_set_id, area_code, year, status_raw, status_index, status_class, dynamics_raw,
        dynamics_index, dynamics_class, attention, excluded, area_name, level, parent_code, population, ordinal)
    SELECT result_set_id, area_code, year, status_raw, status_index, status_class, dynamics_raw,
        dynamics_index, dynamics_class, attention, excluded, area_name, level, parent_code, population, ordinal FROM result_area;
DROP TABLE result_area;
ALTER TABLE result_area_v50 RENAME TO result_area;
CREATE INDEX result_area_set ON result_area(result_set_id);

CREATE TABLE result_value_v50 (
    result_set_id  BIGINT       NOT NULL,
    area_code      VARCHAR(64)  NOT NULL,
    year           INTEGER      NOT NULL,
    indicator_id   VARCHAR(64)  NOT NULL,
    target_group   VARCHAR(200) NOT NULL DEFAULT '',
    numerator      DOUBLE PRECISION,
    denominator    DOUBLE PRECISION,
    value          DOUBLE PRECISION,
    change_value   DOUBLE PRECISION,
    z_status       DOUBLE PRECISION,
    z_dynamics     DOUBLE PRECISION
);
INSERT INTO result_value_v50(result_set_id, area_code, year, indicator_id, target_group, numerator, denominator, value,
        change_value, z_status, z_dynamics)
    SELECT result_set_id, area_code, year, indicator_id, target_group, numerator, denominator, value,
        change_value, z_status, z_dynamics FROM result_value;
DROP TABLE result_value;
ALTER TABLE result_value_v50 RENAME TO result_value;
CREATE INDEX result_value_set ON result_value(result_set_id);
