-- PostgreSQL twin of Sqlite/0010_projections.sql: state derived from records, one canonical JSON value per
-- (projection, key), kept as TEXT like the envelopes.
CREATE TABLE projections (
    projection     TEXT NOT NULL,
    key            TEXT NOT NULL,
    value          TEXT NOT NULL,
    subject_digest TEXT NULL,
    PRIMARY KEY (projection, key)
);
CREATE INDEX ix_projections_subject_digest ON projections (subject_digest) WHERE subject_digest IS NOT NULL;
