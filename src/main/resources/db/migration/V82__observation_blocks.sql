-- Storage (V82-V85): observations in blocks (issue 15). One row per import, variable, year and
-- target group holds that series' areas, values and statuses in the binary format of
-- store.BlockCodec; the import's area codes are stored once. An import of 20 million values writes
-- a few dozen rows instead of 20 million, in its one transaction. ${blob} is BYTEA on PostgreSQL
-- and BINARY LARGE OBJECT on H2 (kept in H2's LOB store, outside the table's pages).
CREATE TABLE observation_areas (
    import_id   BIGINT       NOT NULL PRIMARY KEY REFERENCES import(id),
    area_count  INTEGER      NOT NULL,
    codes       ${blob}      NOT NULL
);

CREATE TABLE observation_block (
    import_id    BIGINT       NOT NULL REFERENCES import(id),
    variable     VARCHAR(64)  NOT NULL,
    year         INTEGER      NOT NULL,
    target_group VARCHAR(200) NOT NULL,
    value_count  INTEGER      NOT NULL,
    data         ${blob}      NOT NULL,
    PRIMARY KEY (import_id, variable, year, target_group)
);
-- V83 (store.ObservationBlockMigration, Java) moves the rows of the old table observation into blocks and drops it.
