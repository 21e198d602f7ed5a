-- Steering (issue 17): packages of other counties (export package / import package). Their
-- county-level figures are reference figures (reference_value) of the region named by the
-- county's official code; this table keeps which release they come from and the method it was
-- computed with, for the comparison of methods. A newer package of the same county replaces it.
CREATE TABLE reference_package (
    region_code    VARCHAR(64)   PRIMARY KEY REFERENCES reference_region(code) ON DELETE CASCADE,
    name           VARCHAR(400)  NOT NULL,
    release_number INT           NOT NULL,
    release_title  VARCHAR(400)  NOT NULL,
    year           INT           NOT NULL,
    checksum       VARCHAR(128)  NOT NULL,
    published_on   VARCHAR(20)   NOT NULL,
    synthetic      BOOLEAN       NOT NULL,
    method_json    TEXT          NOT NULL,
    import_id      BIGINT        NOT NULL REFERENCES import(id)
);
