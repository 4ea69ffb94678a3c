-- revocations: the index of revocation records (the record itself, ledger/revocation, holds the evidence and is
-- anchored). The unique revoked_record_id is what makes a second revocation of the same record fail, even when two
-- race each other across instances.
CREATE TABLE revocations (
    id                TEXT    NOT NULL PRIMARY KEY REFERENCES records (id),
    revoked_record_id TEXT    NOT NULL REFERENCES records (id),
    reason_code       TEXT    NOT NULL,
    requested_by      TEXT    NOT NULL,
    revoked_at_ms     INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_revocations_revoked_record_id ON revocations (revoked_record_id);
