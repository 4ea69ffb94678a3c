-- Community correction: the index of cases and of each case's completeness chain. The evidence is the records: each
-- carries its chain link (sequence number, previous record's hash) in its sealed, signed, anchored payload. These rows
-- find a case by a keyed digest of its jurisdiction and reference (the reference itself is never stored in clear),
-- hold the chain's order for queries, and stay when retention crypto-shreds the payloads, so the chain remains.
CREATE TABLE correction_cases (
    id               TEXT    NOT NULL PRIMARY KEY REFERENCES records (id),
    area_code        TEXT    NOT NULL,
    case_digest      TEXT    NOT NULL,
    opened_by        TEXT    NOT NULL,
    minor            INTEGER NOT NULL,
    opened_at_ms     INTEGER NOT NULL,
    closed_at_ms     INTEGER NULL,
    closed_record_id TEXT    NULL REFERENCES records (id),
    erased_at_ms     INTEGER NULL,
    -- Real identity fields, if kept at all: sealed under a data key, never part of a record; shredded with the key.
    identity_sealed  BLOB    NULL,
    identity_key_id  TEXT    NULL REFERENCES data_keys (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX ix_correction_cases_digest ON correction_cases (case_digest);
CREATE INDEX ix_correction_cases_area ON correction_cases (area_code);
-- Retention looks for closed, not yet erased cases.
CREATE INDEX ix_correction_cases_closed ON correction_cases (closed_at_ms) WHERE erased_at_ms IS NULL;

-- One row per record of a case, numbered 1, 2, 3, … with no gaps; each names its predecessor's hash. The primary key
-- refuses two records with one number, the unique index two records after the same one: no fork, whatever races.
CREATE TABLE correction_chain (
    case_id       TEXT    NOT NULL REFERENCES correction_cases (id),
    seq           INTEGER NOT NULL,
    record_id     TEXT    NOT NULL REFERENCES records (id),
    record_hash   TEXT    NOT NULL,
    previous_hash TEXT    NOT NULL,
    PRIMARY KEY (case_id, seq)
);
CREATE UNIQUE INDEX ix_correction_chain_record ON correction_chain (record_id);
CREATE UNIQUE INDEX ix_correction_chain_previous ON correction_chain (case_id, previous_hash);
