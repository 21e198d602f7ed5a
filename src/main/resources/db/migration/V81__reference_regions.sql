-- Steering (issue 17, V80-V89). Reference regions: regions outside the small-area territory
-- (Germany, the Land, other counties; also the county's own official figure) by their official
-- codes, with figures imported from public statistics. Never mixed into the monitoring's figures.
CREATE TABLE reference_region (
    code        VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(400) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    import_id   BIGINT       NOT NULL REFERENCES import(id)
);

-- One delivered figure of a reference region: a variable of the catalog (counts, shares) or an
-- indicator's value itself (variable = the indicator id). A later import replaces the figure of the
-- same region, year and variable; value is NULL for a placeholder (status says which).
CREATE TABLE reference_value (
    region_code VARCHAR(64)  NOT NULL REFERENCES reference_region(code) ON DELETE CASCADE,
    year        INT          NOT NULL,
    variable    VARCHAR(64)  NOT NULL,
    value       DOUBLE PRECISION,
    status      VARCHAR(20)  NOT NULL,
    import_id   BIGINT       NOT NULL REFERENCES import(id),
    PRIMARY KEY (region_code, year, variable)
);
