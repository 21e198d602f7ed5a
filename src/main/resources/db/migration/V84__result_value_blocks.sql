-- Storage (V82-V85): the indicator figures of a result set in blocks (issue 15). One row per result
-- set, indicator, target group and year holds that series over the result set's area codes
-- (result_value_areas, stored once per set), in the binary format of store.BlockCodec. A computation of a grid
-- county writes a few dozen rows instead of tens of millions, in its one transaction.
CREATE TABLE result_value_areas (
    result_set_id BIGINT       NOT NULL PRIMARY KEY REFERENCES result_set(id),
    area_count    INTEGER      NOT NULL,
    codes         ${blob}      NOT NULL
);

CREATE TABLE result_value_block (
    result_set_id BIGINT       NOT NULL REFERENCES result_set(id),
    indicator_id  VARCHAR(64)  NOT NULL,
    target_group  VARCHAR(200) NOT NULL,
    year          INTEGER      NOT NULL,
    value_count   INTEGER      NOT NULL,
    data          ${blob}      NOT NULL,
    PRIMARY KEY (result_set_id, indicator_id, target_group, year)
);
-- V85 (store.ResultBlockMigration, Java) moves the rows of the old table result_value into blocks and drops it.
