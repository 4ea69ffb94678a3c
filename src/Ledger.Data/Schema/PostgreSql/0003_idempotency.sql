-- PostgreSQL twin of Sqlite/0003_idempotency.sql: one row per (API key, client key), written in the same transaction
-- as the record it produced.
CREATE TABLE idempotent_submissions (
    api_key_id      TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL,
    request_hash    TEXT    NOT NULL,
    record_id       TEXT    NOT NULL REFERENCES records (id),
    created_at_ms   BIGINT  NOT NULL,
    PRIMARY KEY (api_key_id, idempotency_key)
);
CREATE INDEX ix_idempotent_submissions_created ON idempotent_submissions (created_at_ms);
