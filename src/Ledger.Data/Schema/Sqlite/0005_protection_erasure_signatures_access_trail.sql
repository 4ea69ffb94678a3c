-- Encryption at rest, crypto-shredding, issuer signatures and the access trail.
--
-- data_keys: one AES-256 data key per data subject (issuer, domain, subject reference), stored only wrapped under the
-- master key, which never enters the database. The subject is found by a keyed digest (HMAC under a secret sealed in
-- settings), so a low-entropy reference cannot be matched by whoever holds only this file. Deleting a row is the
-- erasure: every envelope sealed under it becomes unreadable.
CREATE TABLE data_keys (
    id             TEXT    NOT NULL PRIMARY KEY,
    subject_digest TEXT    NOT NULL,
    wrapped_key    BLOB    NOT NULL,
    created_at_ms  INTEGER NOT NULL
);
-- Unique, so two requests racing to create a new subject's key end up with one key.
CREATE UNIQUE INDEX ix_data_keys_subject_digest ON data_keys (subject_digest);

-- issuer_keys: each organisation's secp256k1 signing key, sealed under its own data key, itself wrapped by the master key.
CREATE TABLE issuer_keys (
    organisation_id     TEXT    NOT NULL PRIMARY KEY,
    address             TEXT    NOT NULL,
    wrapped_key         BLOB    NOT NULL,
    sealed_private_key  BLOB    NOT NULL,
    created_at_ms       INTEGER NOT NULL
);

-- L2+ envelopes (payload and salt) are kept only sealed; envelope_json then holds ''. When a data key is deleted its
-- records keep their sealed bytes (now unreadable), their hash and their proof.
ALTER TABLE records ADD COLUMN sealed_envelope  BLOB    NULL;
ALTER TABLE records ADD COLUMN data_key_id      TEXT    NULL REFERENCES data_keys (id) ON DELETE SET NULL;
ALTER TABLE records ADD COLUMN issuer_address   TEXT    NULL;
ALTER TABLE records ADD COLUMN issuer_signature TEXT    NULL;
ALTER TABLE records ADD COLUMN erased_at_ms     INTEGER NULL;
ALTER TABLE records ADD COLUMN erasure_id       TEXT    NULL;
CREATE INDEX ix_records_data_key ON records (data_key_id);

-- Defence in depth: whatever code path inserts a record, an L2+ envelope never reaches the file in plain text.
CREATE TRIGGER tr_records_sealed_above_l1 BEFORE INSERT ON records
WHEN NEW.level >= 2 AND (NEW.envelope_json <> '' OR NEW.sealed_envelope IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'records of level 2 and above must be stored sealed');
END;

-- erasures: the index of erasure records (the record itself, ledger/erasure, holds the evidence and is anchored).
CREATE TABLE erasures (
    id             TEXT    NOT NULL PRIMARY KEY REFERENCES records (id),
    subject_digest TEXT    NOT NULL,
    domain         TEXT    NOT NULL,
    legal_basis    TEXT    NOT NULL,
    erased_count   INTEGER NOT NULL,
    requested_by   TEXT    NOT NULL,
    erased_at_ms   INTEGER NOT NULL
);

-- access_trail: the hash chain of ledger/access records, one per read of a non-public payload, strictly in order.
CREATE TABLE access_trail (
    sequence        INTEGER NOT NULL PRIMARY KEY,
    entry_record_id TEXT    NOT NULL REFERENCES records (id),
    entry_hash      TEXT    NOT NULL,
    previous_hash   TEXT    NOT NULL,
    read_record_id  TEXT    NOT NULL,
    read_at_ms      INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_access_trail_entry_record ON access_trail (entry_record_id);
CREATE UNIQUE INDEX ix_access_trail_previous ON access_trail (previous_hash);
CREATE INDEX ix_access_trail_read_record ON access_trail (read_record_id);
