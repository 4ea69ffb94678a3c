-- A sealed batch's Merkle tree, stored once (issue #14): its 2n-1 nodes of 32 bytes in OpenZeppelin's layout (root
-- first, the sorted leaves last), from which a record's proof is read by binary search. Until now every record kept its
-- own proof as JSON text (records.merkle_proof_json, about 750 bytes at the default batch of 2,048), written by one
-- UPDATE per record while sealing held the write lock that ingest waits on; a tree is 64 bytes a record, written as
-- one row. Records sealed before this migration keep their stored proof, which is read first.
CREATE TABLE batch_trees (
    batch_id INTEGER NOT NULL PRIMARY KEY REFERENCES anchor_batches (id),
    nodes    BLOB    NOT NULL
);
