// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title Ledger anchor
/// @notice Anchors Merkle roots of batches of salted record hashes, and keeps the public registry of the keys with
/// which issuing organisations sign their records. Only roots, leaf counts, hashes of organisation ids and key
/// addresses go on chain, never records, names or personal data.
interface ILedgerAnchor {
    /// @notice Emitted when `root` has been anchored as batch `batchId` covering `leafCount` record hashes.
    /// @param batchId Sequential id of the batch, starting at 1.
    /// @param root Merkle root of the batch (OpenZeppelin StandardMerkleTree over single bytes32 values).
    /// @param leafCount Number of record hashes in the batch.
    event RootAnchored(uint256 indexed batchId, bytes32 indexed root, uint64 leafCount);

    /// @notice Emitted when `key` becomes a signing key of `organisation`, valid from block `validFromBlock` on.
    /// @param organisation keccak256 of the organisation id's UTF-8 bytes.
    /// @param key The signing key's address.
    /// @param validFromBlock The block in which the key was registered.
    event IssuerKeyRegistered(bytes32 indexed organisation, address indexed key, uint64 validFromBlock);

    /// @notice Emitted when `key` stops being a signing key of `organisation` after block `validUntilBlock`.
    /// @param organisation keccak256 of the organisation id's UTF-8 bytes.
    /// @param key The signing key's address.
    /// @param validUntilBlock The last block in which the key is valid (the block of its retirement).
    event IssuerKeyRetired(bytes32 indexed organisation, address indexed key, uint64 validUntilBlock);

    /// @notice The submitted root is zero.
    error LedgerAnchorZeroRoot();

    /// @notice The submitted batch has no leaves.
    error LedgerAnchorEmptyBatch();

    /// @notice `root` was already anchored as batch `batchId`.
    /// @param root The repeated root.
    /// @param batchId The batch that first anchored it.
    error LedgerAnchorRootAlreadyAnchored(bytes32 root, uint256 batchId);

    /// @notice An issuer key change names the zero organisation hash or the zero address.
    error LedgerAnchorZeroIssuerKey();

    /// @notice Anchors `root` as the next batch at the current block timestamp. Restricted to anchorers.
    /// @param root Merkle root of the batch; must be non-zero and not anchored before.
    /// @param leafCount Number of record hashes in the batch; must be non-zero.
    /// @return batchId The id assigned to the batch.
    function anchor(bytes32 root, uint64 leafCount) external returns (uint256 batchId);

    /// @notice Registers `key` as a signing key of `organisation` from this block on. Restricted to registrars.
    /// @dev Idempotent so that it can ride in the same transaction as an anchor without ever making it revert:
    /// registering a key that is already registered, or that was retired, changes nothing (a retired key never
    /// comes back).
    /// @param organisation keccak256 of the organisation id's UTF-8 bytes; non-zero.
    /// @param key The signing key's address; non-zero.
    function registerIssuerKey(bytes32 organisation, address key) external;

    /// @notice Retires `key` of `organisation`: it stays valid up to and including this block. Restricted to registrars.
    /// @dev Idempotent: retiring a key that is not registered or already retired changes nothing.
    /// @param organisation keccak256 of the organisation id's UTF-8 bytes; non-zero.
    /// @param key The signing key's address; non-zero.
    function retireIssuerKey(bytes32 organisation, address key) external;

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

    /// @notice The blocks in which `key` is a valid signing key of `organisation`.
    /// @param organisation keccak256 of the organisation id's UTF-8 bytes.
    /// @param key A signing key's address.
    /// @return validFromBlock The block of registration, or 0 if the key was never registered for `organisation`.
    /// @return validUntilBlock The block of retirement (inclusive), or 0 while the key is current.
    function issuerKey(bytes32 organisation, address key) external view returns (uint64 validFromBlock, uint64 validUntilBlock);

    /// @notice Whether `key` was a registered signing key of `organisation` in block `blockNumber`.
    /// @param organisation keccak256 of the organisation id's UTF-8 bytes.
    /// @param key A signing key's address.
    /// @param blockNumber A block number, typically the one that anchored a record signed by `key`.
    /// @return True if validFromBlock <= blockNumber and the key was not retired before `blockNumber`.
    function isIssuerKeyValidAt(bytes32 organisation, address key, uint64 blockNumber) external view returns (bool);

    /// @notice Version of this contract.
    /// @return The semantic version string, "2.0.0".
    function version() external pure returns (string memory);
}
