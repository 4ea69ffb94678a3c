-- PostgreSQL twin of Sqlite/0007_revocations.sql: the unique revoked_record_id makes a second revocation fail.
CREATE TABLE revocations (
    id                TEXT    NOT NULL PRIMARY KEY REFERENCES records (id),
    revoked_record_id TEXT    NOT NULL REFERENCES records (id),
    reason_code       TEXT    NOT NULL,
    requested_by      TEXT    NOT NULL,
    revoked_at_ms     BIGINT  NOT NULL
);
CREATE UNIQUE INDEX ix_revocations_revoked_record_id ON revocations (revoked_record_id);
