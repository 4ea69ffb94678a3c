// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title Ledger anchor
/// @notice Anchors Merkle roots of batches of salted record hashes. Only roots and leaf counts go on chain,
/// never records or personal data.
interface ILedgerAnchor {
    /// @notice Emitted when `root` has been anchored as batch `batchId` covering `leafCount` record hashes.
    /// @param batchId Sequential id of the batch, starting at 1.
    /// @param root Merkle root of the batch (OpenZeppelin StandardMerkleTree over single bytes32 values).
    /// @param leafCount Number of record hashes in the batch.
    event RootAnchored(uint256 indexed batchId, bytes32 indexed root, uint64 leafCount);

    /// @notice The submitted root is zero.
    error LedgerAnchorZeroRoot();

    /// @notice The submitted batch has no leaves.
    error LedgerAnchorEmptyBatch();

    /// @notice `root` was already anchored as batch `batchId`.
    /// @param root The repeated root.
    /// @param batchId The batch that first anchored it.
    error LedgerAnchorRootAlreadyAnchored(bytes32 root, uint256 batchId);

    /// @notice Anchors `root` as the next batch at the current block timestamp. Restricted to anchorers.
    /// @param root Merkle root of the batch; must be non-zero and not anchored before.
    /// @param leafCount Number of record hashes in the batch; must be non-zero.
    /// @return batchId The id assigned to the batch.
    function anchor(bytes32 root, uint64 leafCount) external returns (uint256 batchId);

    /// @notice Block timestamp at which `root` was anchored.
    /// @param root A Merkle root.
    /// @return The timestamp in seconds, or 0 if `root` was never anchored.
    function anchoredAt(bytes32 root) external view returns (uint64);

    /// @notice Batch id under which `root` was anchored.
    /// @param root A Merkle root.
    /// @return The batch id (ids start at 1), or 0 if `root` was never anchored.
    function batchOf(bytes32 root) external view returns (uint256);

    /// @notice Number of batches anchored so far, which is also the id of the latest batch.
    /// @return The batch count.
    function batchCount() external view returns (uint256);

    /// @notice Checks that `recordHash` is a leaf of the anchored tree with root `root`.
    /// @dev The leaf is keccak256(bytes.concat(keccak256(abi.encode(recordHash)))), the StandardMerkleTree leaf of
    /// a single bytes32 value; inner nodes are sorted-pair keccak256 hashes, as in OpenZeppelin MerkleProof.
    /// @param recordHash The salted record hash.
    /// @param proof Sibling hashes from the leaf up to the root.
    /// @param root The Merkle root.
    /// @return True only if `root` is anchored and `proof` proves `recordHash` under it.
    function verify(bytes32 recordHash, bytes32[] calldata proof, bytes32 root) external view returns (bool);

    /// @notice Version of this contract.
    /// @return The semantic version string, "1.0.0".
    function version() external pure returns (string memory);
}
