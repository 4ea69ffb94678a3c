// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {ILedgerAnchor} from "./ILedgerAnchor.sol";

/// @title Ledger anchor
/// @notice Anchors Merkle roots of record-hash batches; only holders of ANCHORER_ROLE may anchor.
contract LedgerAnchor is AccessControl, ILedgerAnchor {
    /// @notice Role allowed to anchor roots.
    bytes32 public constant ANCHORER_ROLE = keccak256("ANCHORER_ROLE");

    /// @dev Everything known about an anchored root, packed into one storage slot.
    struct AnchoredRoot {
        uint64 timestamp;
        uint64 leafCount;
        uint128 batchId;
    }

    mapping(bytes32 root => AnchoredRoot) private _anchoredRoots;

    /// @dev Starts at 1, not 0, so every anchor rewrites a non-zero slot and costs the same gas, first one included.
    uint128 private _nextBatchId = 1;

    /// @param admin Receives DEFAULT_ADMIN_ROLE and so may grant and revoke ANCHORER_ROLE.
    /// @param anchorer Receives ANCHORER_ROLE.
    constructor(address admin, address anchorer) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ANCHORER_ROLE, anchorer);
    }

    /// @inheritdoc ILedgerAnchor
    function anchor(bytes32 root, uint64 leafCount) external onlyRole(ANCHORER_ROLE) returns (uint256 batchId) {
        if (root == bytes32(0)) revert LedgerAnchorZeroRoot();
        if (leafCount == 0) revert LedgerAnchorEmptyBatch();
        uint128 existing = _anchoredRoots[root].batchId;
        if (existing != 0) revert LedgerAnchorRootAlreadyAnchored(root, existing);

        uint128 id = _nextBatchId;
        // uint64 holds block timestamps for billions of years.
        _anchoredRoots[root] = AnchoredRoot(uint64(block.timestamp), leafCount, id);
        // Cannot overflow: the id grows by one per transaction and would need 2^128 of them.
        unchecked {
            _nextBatchId = id + 1;
        }
        emit RootAnchored(id, root, leafCount);
        return id;
    }

    /// @inheritdoc ILedgerAnchor
    function anchoredAt(bytes32 root) external view returns (uint64) {
        return _anchoredRoots[root].timestamp;
    }

    /// @inheritdoc ILedgerAnchor
    function batchOf(bytes32 root) external view returns (uint256) {
        return _anchoredRoots[root].batchId;
    }

    /// @inheritdoc ILedgerAnchor
    function batchCount() external view returns (uint256) {
        return _nextBatchId - 1;
    }

    /// @inheritdoc ILedgerAnchor
    function verify(bytes32 recordHash, bytes32[] calldata proof, bytes32 root) external view returns (bool) {
        if (_anchoredRoots[root].batchId == 0) return false;
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(recordHash))));
        return MerkleProof.verifyCalldata(proof, root, leaf);
    }

    /// @inheritdoc ILedgerAnchor
    function version() external pure returns (string memory) {
        return "1.0.0";
    }
}
