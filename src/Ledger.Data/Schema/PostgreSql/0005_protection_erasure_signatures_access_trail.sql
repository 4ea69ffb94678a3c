-- PostgreSQL twin of Sqlite/0005_protection_erasure_signatures_access_trail.sql: data keys (deleting one is the
-- erasure), issuer keys, sealed envelopes, erasures and the access trail. What a deleted row leaves behind in
-- PostgreSQL (dead tuples until VACUUM, WAL, backups) is in docs/security.md.
CREATE TABLE data_keys (
    id             TEXT    NOT NULL PRIMARY KEY,
    subject_digest TEXT    NOT NULL,
    wrapped_key    BYTEA   NOT NULL,
    created_at_ms  BIGINT  NOT NULL
);
CREATE UNIQUE INDEX ix_data_keys_subject_digest ON data_keys (subject_digest);

CREATE TABLE issuer_keys (
    organisation_id     TEXT    NOT NULL PRIMARY KEY,
    address             TEXT    NOT NULL,
    wrapped_key         BYTEA   NOT NULL,
    sealed_private_key  BYTEA   NOT NULL,
    created_at_ms       BIGINT  NOT NULL
);

ALTER TABLE records ADD COLUMN sealed_envelope  BYTEA   NULL;
ALTER TABLE records ADD COLUMN data_key_id      TEXT    NULL REFERENCES data_keys (id) ON DELETE SET NULL;
ALTER TABLE records ADD COLUMN issuer_address   TEXT    NULL;
ALTER TABLE records ADD COLUMN issuer_signature TEXT    NULL;
ALTER TABLE records ADD COLUMN erased_at_ms     BIGINT  NULL;
ALTER TABLE records ADD COLUMN erasure_id       TEXT    NULL;
CREATE INDEX ix_records_data_key ON records (data_key_id);

-- Defence in depth: whatever code path inserts a record, an L2+ envelope never reaches the table in plain text.
CREATE FUNCTION records_sealed_above_l1() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.level >= 2 AND (NEW.envelope_json <> '' OR NEW.sealed_envelope IS NULL) THEN
        RAISE EXCEPTION 'records of level 2 and above must be stored sealed';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER tr_records_sealed_above_l1 BEFORE INSERT ON records
    FOR EACH ROW EXECUTE FUNCTION records_sealed_above_l1();

CREATE TABLE erasures (
    id             TEXT    NOT NULL PRIMARY KEY REFERENCES records (id),
    subject_digest TEXT    NOT NULL,
    domain         TEXT    NOT NULL,
    legal_basis    TEXT    NOT NULL,
    erased_count   INTEGER NOT NULL,
    requested_by   TEXT    NOT NULL,
    erased_at_ms   BIGINT  NOT NULL
);

CREATE TABLE access_trail (
    sequence        BIGINT  NOT NULL PRIMARY KEY,
    entry_record_id TEXT    NOT NULL REFERENCES records (id),
    entry_hash      TEXT    NOT NULL,
    previous_hash   TEXT    NOT NULL,
    read_record_id  TEXT    NOT NULL,
    read_at_ms      BIGINT  NOT NULL
);
CREATE UNIQUE INDEX ix_access_trail_entry_record ON access_trail (entry_record_id);
CREATE UNIQUE INDEX ix_access_trail_previous ON access_trail (previous_hash);
CREATE INDEX ix_access_trail_read_record ON access_trail (read_record_id);
