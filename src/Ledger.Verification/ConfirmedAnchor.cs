using System.Numerics;

namespace Ledger.Verification;

/// <summary>
/// An anchor the chain has confirmed: the contract has the root, the transaction's own RootAnchored log says so, and
/// block, batch and time match the bundle. Only checks that run after that point receive one.
/// </summary>
/// <param name="ChainId">The chain the RPC endpoint serves, equal to the bundle's.</param>
/// <param name="Contract">The LedgerAnchor contract that anchored the root (EIP-55).</param>
/// <param name="Root">The anchored Merkle root, lower-case hex.</param>
/// <param name="BatchId">The contract's batch id for the root.</param>
/// <param name="TxHash">The anchoring transaction.</param>
/// <param name="BlockNumber">The block that included it.</param>
/// <param name="BlockHash">That block's hash, lower-case hex.</param>
/// <param name="Timestamp">The block timestamp in Unix seconds, as anchoredAt(root) returns it.</param>
internal sealed record ConfirmedAnchor(
    ulong ChainId,
    string Contract,
    string Root,
    BigInteger BatchId,
    string TxHash,
    ulong BlockNumber,
    string BlockHash,
    long Timestamp);
