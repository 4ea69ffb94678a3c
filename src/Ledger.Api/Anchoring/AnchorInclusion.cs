using System.Numerics;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Where a batch's root landed: the transaction, the block (its timestamp in Unix seconds, as anchoredAt(root) returns)
/// and the contract's batch id — what the batch's proofs point to.
/// </summary>
public sealed record AnchorInclusion(string TxHash, ulong BlockNumber, string BlockHash, BigInteger ChainBatchId, long Timestamp);
