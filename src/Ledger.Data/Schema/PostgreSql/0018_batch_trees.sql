-- PostgreSQL twin of Sqlite/0018_batch_trees.sql: a sealed batch's Merkle tree, its nodes stored once. Hashes do not
-- compress, so the column is stored out of line without trying to (STORAGE EXTERNAL).
CREATE TABLE batch_trees (
    batch_id BIGINT NOT NULL PRIMARY KEY REFERENCES anchor_batches (id),
    nodes    BYTEA  NOT NULL
);
ALTER TABLE batch_trees ALTER COLUMN nodes SET STORAGE EXTERNAL;
