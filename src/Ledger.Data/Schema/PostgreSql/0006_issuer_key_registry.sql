-- PostgreSQL twin of Sqlite/0006_issuer_key_registry.sql: issuer keys keyed by address, rotated, each registration
-- and retirement riding in one batch.
CREATE TABLE issuer_keys_new (
    address              TEXT    NOT NULL PRIMARY KEY,
    organisation_id      TEXT    NOT NULL,
    wrapped_key          BYTEA   NOT NULL,
    sealed_private_key   BYTEA   NOT NULL,
    created_at_ms        BIGINT  NOT NULL,
    retired_at_ms        BIGINT  NULL,
    registered_in_batch  BIGINT  NULL,
    retired_in_batch     BIGINT  NULL
);
INSERT INTO issuer_keys_new (address, organisation_id, wrapped_key, sealed_private_key, created_at_ms)
    SELECT address, organisation_id, wrapped_key, sealed_private_key, created_at_ms FROM issuer_keys;
DROP TABLE issuer_keys;
ALTER TABLE issuer_keys_new RENAME TO issuer_keys;
ALTER INDEX issuer_keys_new_pkey RENAME TO issuer_keys_pkey;
CREATE UNIQUE INDEX ix_issuer_keys_current ON issuer_keys (organisation_id) WHERE retired_at_ms IS NULL;
CREATE INDEX ix_issuer_keys_registered_in_batch ON issuer_keys (registered_in_batch);
CREATE INDEX ix_issuer_keys_retired_in_batch ON issuer_keys (retired_in_batch);
