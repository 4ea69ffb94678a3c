-- projections: state derived from records that record types' stateful rules read and their projections keep up to
-- date (e.g. a volunteer's time-bank balance), written in the same transaction as the record that changes it. Each
-- row is one canonical JSON value under (projection, key). subject_digest names the data subject a row is about, so an
-- erasure deletes the subject's rows with its data key. Every row can be rebuilt from the records
-- (`ledger projections rebuild`), so the table holds nothing the records do not.
CREATE TABLE projections (
    projection     TEXT NOT NULL,
    key            TEXT NOT NULL,
    value          TEXT NOT NULL,
    subject_digest TEXT NULL,
    PRIMARY KEY (projection, key)
);
CREATE INDEX ix_projections_subject_digest ON projections (subject_digest) WHERE subject_digest IS NOT NULL;
