-- Speed (V95-V99, issue 15). A release's frozen content and its download files (megabytes of text
-- each, 10 MB per demo release) move out of the table's pages: ${clob} is H2's CHARACTER LARGE
-- OBJECT (kept in H2's separate LOB storage, read only when a query asks for the column) and
-- PostgreSQL's TEXT (unchanged there; PostgreSQL already keeps long values apart, TOAST).
-- In H2 the text sat in the row itself: opening the database reads the last page of every table
-- to find its last row, and any query on release (even `release list`, which never reads the
-- content) deserialised every release's whole text, most of the start-up time of a light command.
ALTER TABLE release ALTER COLUMN content SET DATA TYPE ${clob};
ALTER TABLE release_file ALTER COLUMN content SET DATA TYPE ${clob};
