using System.Numerics;

namespace Ledger.Chain;

/// <summary>A decoded RootAnchored log together with where it was mined.</summary>
/// <param name="Root">The anchored Merkle root, 0x hex.</param>
public sealed record RootAnchoredEvent(
    BigInteger BatchId,
    string Root,
    ulong LeafCount,
    string TransactionHash,
    ulong BlockNumber,
    string BlockHash);
