-- Anchoring as a persisted state machine: the fees of the current transaction, every transaction ever signed for a
-- batch (a replaced one may still be mined), and the lease that lets exactly one instance anchor.
ALTER TABLE anchor_batches ADD COLUMN max_fee_per_gas          TEXT    NULL;
ALTER TABLE anchor_batches ADD COLUMN max_priority_fee_per_gas TEXT    NULL;
ALTER TABLE anchor_batches ADD COLUMN gas_limit                INTEGER NULL;
ALTER TABLE anchor_batches ADD COLUMN last_sent_at_ms          INTEGER NULL;
ALTER TABLE anchor_batches ADD COLUMN search_from_block        INTEGER NULL;

CREATE TABLE batch_transactions (
    id                       INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    batch_id                 INTEGER NOT NULL REFERENCES anchor_batches (id),
    tx_hash                  TEXT    NOT NULL,
    nonce                    INTEGER NOT NULL,
    max_fee_per_gas          TEXT    NOT NULL,
    max_priority_fee_per_gas TEXT    NOT NULL,
    gas_limit                INTEGER NOT NULL,
    raw_transaction          TEXT    NOT NULL,
    signed_at_ms             INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_batch_transactions_tx_hash ON batch_transactions (tx_hash);
CREATE INDEX ix_batch_transactions_batch ON batch_transactions (batch_id);

CREATE TABLE leases (
    name           TEXT    NOT NULL PRIMARY KEY,
    holder         TEXT    NOT NULL,
    expires_at_ms  INTEGER NOT NULL,
    acquired_at_ms INTEGER NOT NULL
);

-- Transactions signed before this script kept no fees or gas limit: they can be re-sent and found, not replaced.
INSERT INTO batch_transactions (batch_id, tx_hash, nonce, max_fee_per_gas, max_priority_fee_per_gas, gas_limit, raw_transaction, signed_at_ms)
SELECT id, tx_hash, nonce, '0', '0', 0, raw_transaction, COALESCE(submitted_at_ms, sealed_at_ms)
FROM anchor_batches
WHERE raw_transaction IS NOT NULL AND tx_hash IS NOT NULL AND nonce IS NOT NULL;
UPDATE anchor_batches SET max_fee_per_gas = '0', max_priority_fee_per_gas = '0', gas_limit = 0 WHERE raw_transaction IS NOT NULL;
