-- Public downloads are counted per day and item instead of writing one audit row each (issue 11),
-- so that the audit log keeps the staff's events.
CREATE TABLE download_count (
    on_day     DATE         NOT NULL,
    item       VARCHAR(200) NOT NULL,
    downloads  BIGINT       NOT NULL,
    PRIMARY KEY (on_day, item)
);

-- One row per kind of exclusive work. An import holds its row locked (SELECT ... FOR UPDATE NOWAIT)
-- for its whole transaction, so a second import at the same time is refused at once with a clear
-- message instead of failing on a lock timeout; the lock ends with the transaction or connection.
CREATE TABLE work_lock (
    name  VARCHAR(32) PRIMARY KEY
);
INSERT INTO work_lock(name) VALUES ('import');
