-- Read side (V120): a counter per kind of data the web keeps in memory between requests
-- (issue 15). Every write of releases, measures, reference figures or boundaries raises its
-- topic's stamp in the same transaction (store.ChangeStamps), so a reader learns with one small
-- query whether what it kept is still current, also when another process (an import on the
-- command line, a second server on PostgreSQL) wrote.
CREATE TABLE change_stamp (
    topic VARCHAR(32) PRIMARY KEY,
    stamp BIGINT      NOT NULL
);
INSERT INTO change_stamp(topic, stamp) VALUES ('releases', 0);
INSERT INTO change_stamp(topic, stamp) VALUES ('measures', 0);
INSERT INTO change_stamp(topic, stamp) VALUES ('references', 0);
INSERT INTO change_stamp(topic, stamp) VALUES ('geometries', 0);
