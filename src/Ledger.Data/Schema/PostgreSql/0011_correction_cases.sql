-- PostgreSQL twin of Sqlite/0011_correction_cases.sql: correction cases and each case's completeness chain. The
-- primary key and the unique index refuse a gap or a fork whatever races; the write lock keeps the numbering gap-free.
CREATE TABLE correction_cases (
    id               TEXT    NOT NULL PRIMARY KEY REFERENCES records (id),
    area_code        TEXT    NOT NULL,
    case_digest      TEXT    NOT NULL,
    opened_by        TEXT    NOT NULL,
    minor            BOOLEAN NOT NULL,
    opened_at_ms     BIGINT  NOT NULL,
    closed_at_ms     BIGINT  NULL,
    closed_record_id TEXT    NULL REFERENCES records (id),
    erased_at_ms     BIGINT  NULL,
    identity_sealed  BYTEA   NULL,
    identity_key_id  TEXT    NULL REFERENCES data_keys (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX ix_correction_cases_digest ON correction_cases (case_digest);
CREATE INDEX ix_correction_cases_area ON correction_cases (area_code);
CREATE INDEX ix_correction_cases_closed ON correction_cases (closed_at_ms) WHERE erased_at_ms IS NULL;

CREATE TABLE correction_chain (
    case_id       TEXT    NOT NULL REFERENCES correction_cases (id),
    seq           BIGINT  NOT NULL,
    record_id     TEXT    NOT NULL REFERENCES records (id),
    record_hash   TEXT    NOT NULL,
    previous_hash TEXT    NOT NULL,
    PRIMARY KEY (case_id, seq)
);
CREATE UNIQUE INDEX ix_correction_chain_record ON correction_chain (record_id);
CREATE UNIQUE INDEX ix_correction_chain_previous ON correction_chain (case_id, previous_hash);
