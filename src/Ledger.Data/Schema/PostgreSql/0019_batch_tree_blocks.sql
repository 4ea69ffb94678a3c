-- PostgreSQL twin of Sqlite/0019_batch_tree_blocks.sql: a sealed batch's Merkle tree in blocks of six levels. A block
-- is at most 2,016 bytes, under the size PostgreSQL moves out of line, so it stays in its row.
CREATE TABLE batch_tree_blocks (
    batch_id BIGINT  NOT NULL REFERENCES anchor_batches (id),
    block    INTEGER NOT NULL,
    nodes    BYTEA   NOT NULL,
    PRIMARY KEY (batch_id, block)
);
