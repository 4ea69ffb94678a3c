// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";
import {ILedgerAnchor} from "./ILedgerAnchor.sol";

/// @title Ledger anchor
/// @notice Anchors Merkle roots of record-hash batches (ANCHORER_ROLE) and registers issuing organisations' signing
/// keys with the blocks in which they are valid (ISSUER_REGISTRAR_ROLE). `multicall` lets a key registration ride in
/// the same transaction as the anchor of the first batch that needs it, so both land in the same block.
contract LedgerAnchor is AccessControl, Multicall, ILedgerAnchor {
    /// @notice Role allowed to anchor roots.
    bytes32 public constant ANCHORER_ROLE = keccak256("ANCHORER_ROLE");

    /// @notice Role allowed to register and retire issuer keys.
    bytes32 public constant ISSUER_REGISTRAR_ROLE = keccak256("ISSUER_REGISTRAR_ROLE");

    /// @dev Everything known about an anchored root, packed into one storage slot.
    struct AnchoredRoot {
        uint64 timestamp;
        uint64 leafCount;
        uint128 batchId;
    }

    /// @dev The validity of one organisation's key, packed into one storage slot; zero means never registered.
    struct IssuerKeyValidity {
        uint64 validFromBlock;
        uint64 validUntilBlock;
    }

    mapping(bytes32 root => AnchoredRoot) private _anchoredRoots;

    mapping(bytes32 organisation => mapping(address key => IssuerKeyValidity)) private _issuerKeys;

    /// @dev Starts at 1, not 0, so every anchor rewrites a non-zero slot and costs the same gas, first one included.
    uint128 private _nextBatchId = 1;

    /// @param admin Receives DEFAULT_ADMIN_ROLE and so may grant and revoke the other roles.
    /// @param anchorer Receives ANCHORER_ROLE.
    /// @param registrar Receives ISSUER_REGISTRAR_ROLE.
    constructor(address admin, address anchorer, address registrar) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ANCHORER_ROLE, anchorer);
        _grantRole(ISSUER_REGISTRAR_ROLE, registrar);
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
    function registerIssuerKey(bytes32 organisation, address key) external onlyRole(ISSUER_REGISTRAR_ROLE) {
        if (organisation == bytes32(0) || key == address(0)) revert LedgerAnchorZeroIssuerKey();
        IssuerKeyValidity storage validity = _issuerKeys[organisation][key];
        if (validity.validFromBlock != 0) return;
        // uint64 holds block numbers for as long as any chain will run.
        uint64 current = uint64(block.number);
        validity.validFromBlock = current;
        emit IssuerKeyRegistered(organisation, key, current);
    }

    /// @inheritdoc ILedgerAnchor
    function retireIssuerKey(bytes32 organisation, address key) external onlyRole(ISSUER_REGISTRAR_ROLE) {
        if (organisation == bytes32(0) || key == address(0)) revert LedgerAnchorZeroIssuerKey();
        IssuerKeyValidity storage validity = _issuerKeys[organisation][key];
        if (validity.validFromBlock == 0 || validity.validUntilBlock != 0) return;
        uint64 current = uint64(block.number);
        validity.validUntilBlock = current;
        emit IssuerKeyRetired(organisation, key, current);
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
    function issuerKey(bytes32 organisation, address key) external view returns (uint64 validFromBlock, uint64 validUntilBlock) {
        IssuerKeyValidity storage validity = _issuerKeys[organisation][key];
        return (validity.validFromBlock, validity.validUntilBlock);
    }

    /// @inheritdoc ILedgerAnchor
    function isIssuerKeyValidAt(bytes32 organisation, address key, uint64 blockNumber) external view returns (bool) {
        IssuerKeyValidity storage validity = _issuerKeys[organisation][key];
        if (validity.validFromBlock == 0 || blockNumber < validity.validFromBlock) return false;
        return validity.validUntilBlock == 0 || blockNumber <= validity.validUntilBlock;
    }

    /// @inheritdoc ILedgerAnchor
    function version() external pure returns (string memory) {
        return "2.0.0";
    }
}
