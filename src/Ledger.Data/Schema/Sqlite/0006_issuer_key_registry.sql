-- Issuer keys are registered on chain (LedgerAnchor 2.0.0) and can be rotated.
--
-- An organisation keeps its retired keys, so records it signed earlier stay verifiable, and has at most one current
-- key. Each key's registration and retirement ride in the anchor transaction of exactly one batch (the first sealed
-- after the change), so the exactly-once anchoring machinery carries them and a key's validity on chain starts in
-- the very block that anchors its first records. Keys that existed before this migration are registered with the
-- next batch.
CREATE TABLE issuer_keys_new (
    address              TEXT    NOT NULL PRIMARY KEY,
    organisation_id      TEXT    NOT NULL,
    wrapped_key          BLOB    NOT NULL,
    sealed_private_key   BLOB    NOT NULL,
    created_at_ms        INTEGER NOT NULL,
    retired_at_ms        INTEGER NULL,
    registered_in_batch  INTEGER NULL,
    retired_in_batch     INTEGER NULL
);
INSERT INTO issuer_keys_new (address, organisation_id, wrapped_key, sealed_private_key, created_at_ms)
    SELECT address, organisation_id, wrapped_key, sealed_private_key, created_at_ms FROM issuer_keys;
DROP TABLE issuer_keys;
ALTER TABLE issuer_keys_new RENAME TO issuer_keys;
-- One current key per organisation; the first of two racing inserts wins.
CREATE UNIQUE INDEX ix_issuer_keys_current ON issuer_keys (organisation_id) WHERE retired_at_ms IS NULL;
CREATE INDEX ix_issuer_keys_registered_in_batch ON issuer_keys (registered_in_batch);
CREATE INDEX ix_issuer_keys_retired_in_batch ON issuer_keys (retired_in_batch);
