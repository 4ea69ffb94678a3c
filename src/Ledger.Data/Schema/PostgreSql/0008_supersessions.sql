-- PostgreSQL twin of Sqlite/0008_supersessions.sql: which record corrects which; one correction per record.
CREATE TABLE supersessions (
    id                   TEXT    NOT NULL PRIMARY KEY REFERENCES records (id),
    superseded_record_id TEXT    NOT NULL REFERENCES records (id),
    superseded_at_ms     BIGINT  NOT NULL
);
CREATE UNIQUE INDEX ix_supersessions_superseded_record_id ON supersessions (superseded_record_id);
