-- Records, anchor batches, API keys and settings. Column names match the EF configurations.
CREATE TABLE records (
    id                TEXT    NOT NULL PRIMARY KEY,
    domain            TEXT    NOT NULL,
    type              TEXT    NOT NULL,
    level             INTEGER NOT NULL,
    issuer            TEXT    NOT NULL,
    occurred_at       TEXT    NOT NULL,
    received_at_ms    INTEGER NOT NULL,
    envelope_json     TEXT    NOT NULL,
    record_hash       TEXT    NOT NULL,
    submitted_by      TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    batch_id          INTEGER NULL REFERENCES anchor_batches (id),
    merkle_proof_json TEXT    NULL
);
CREATE UNIQUE INDEX ix_records_record_hash ON records (record_hash);
CREATE INDEX ix_records_batch_received ON records (batch_id, received_at_ms);

CREATE TABLE anchor_batches (
    id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    root             TEXT    NOT NULL,
    leaf_count       INTEGER NOT NULL,
    state            TEXT    NOT NULL,
    sealed_at_ms     INTEGER NOT NULL,
    chain_id         INTEGER NULL,
    contract         TEXT    NULL,
    raw_transaction  TEXT    NULL,
    tx_hash          TEXT    NULL,
    nonce            INTEGER NULL,
    submitted_at_ms  INTEGER NULL,
    block_number     INTEGER NULL,
    block_hash       TEXT    NULL,
    chain_batch_id   TEXT    NULL,
    anchored_at      INTEGER NULL,
    confirmed_at_ms  INTEGER NULL,
    last_error       TEXT    NULL,
    attempts         INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ix_anchor_batches_root ON anchor_batches (root);
CREATE INDEX ix_anchor_batches_state ON anchor_batches (state);

CREATE TABLE api_keys (
    id            TEXT    NOT NULL PRIMARY KEY,
    secret_hash   TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    organisation  TEXT    NOT NULL,
    label         TEXT    NOT NULL,
    created_at_ms INTEGER NOT NULL,
    expires_at_ms INTEGER NULL,
    revoked_at_ms INTEGER NULL
);

CREATE TABLE settings (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
