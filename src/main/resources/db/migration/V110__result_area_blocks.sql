-- Storage (V110-V111): the area results of a result set in blocks (issue 15), as its figures
-- (V84). One row per result set and year holds the set's areas in the order they were computed
-- (name, level, parent, population) with their index results and classes, in the binary format of
-- store.BlockCodec. A computation of a county of 385,008 areas writes one row instead of 385,008.
CREATE TABLE result_area_block (
    result_set_id BIGINT       NOT NULL REFERENCES result_set(id),
    year          INTEGER      NOT NULL,
    area_count    INTEGER      NOT NULL,
    data          ${blob}      NOT NULL,
    PRIMARY KEY (result_set_id, year)
);
-- V111 (store.ResultAreaBlockMigration, Java) moves the rows of the old table result_area into blocks and drops it.
