-- A sealed batch's Merkle tree in blocks of six levels (issue #14), so a proof reads three or four rows of at most
-- 2,016 bytes, not the whole tree. 0018 stored a tree as one value of 2n-1 nodes (128 KiB at 2,048 records), which
-- SQLite keeps on a chain of overflow pages and reads whole: 35 page reads for one proof of an older batch. A block
-- is named by the index of its top node in the tree's node array (Ledger.Core's MerkleTreeBlocks); at most 63 nodes,
-- two blocks fit on a page. Batches sealed before this migration keep their tree in batch_trees, which is read when a
-- batch has no blocks.
CREATE TABLE batch_tree_blocks (
    batch_id INTEGER NOT NULL REFERENCES anchor_batches (id),
    block    INTEGER NOT NULL,
    nodes    BLOB    NOT NULL,
    PRIMARY KEY (batch_id, block)
);
