// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title OneWritePerRecord
/// @notice Benchmark-only baseline for the gas curve: one storage write per record hash, nothing else (no access
/// control, no event), the least an "every record on chain" design can cost. Never deployed by the service.
contract OneWritePerRecord {
    mapping(bytes32 recordHash => uint256 storedAt) private _storedAt;

    /// @notice Stores the current block timestamp under each hash.
    function store(bytes32[] calldata recordHashes) external {
        uint256 count = recordHashes.length;
        for (uint256 i = 0; i < count; ) {
            _storedAt[recordHashes[i]] = block.timestamp;
            // Cannot overflow: i is below the length of a calldata array.
            unchecked {
                ++i;
            }
        }
    }

    /// @notice When a hash was stored, or 0.
    function storedAt(bytes32 recordHash) external view returns (uint256) {
        return _storedAt[recordHash];
    }
}
