using Ledger.Api.Chain;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Ledger.Data.Anchoring;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Asks the chain, not our own records, where a batch's root is anchored: the contract's anchoredAt(root), then the
/// RootAnchored log (our contract, our event, our root; emitter checked again) in a block that is still canonical.
/// This is what keeps resubmissions from anchoring twice and lets a root found on chain count as success.
/// </summary>
public sealed class ChainAnchorReader(ConnectedChain chain)
{
    /// <summary>Where the root of <paramref name="batch"/> is anchored now, or null when the canonical chain has no anchor for it.</summary>
    /// <exception cref="ChainException">The contract says anchored but the node shows no matching log (a lagging or pruned node): retry later.</exception>
    public async Task<AnchorInclusion?> FindAsync(AnchorBatch batch, CancellationToken ct)
    {
        var root = Hex.DecodeFixed(batch.Root, 32);
        if (await chain.Contract.AnchoredAtAsync(root, ct) == 0)
        {
            return null;
        }
        // The hint is the head before our first transaction; a chain restored from an older state may be below it.
        var anchored = await chain.Contract.FindRootAnchoredAsync(root, batch.SearchFromBlock ?? 0, ct);
        if (anchored is null && batch.SearchFromBlock is > 0)
        {
            anchored = await chain.Contract.FindRootAnchoredAsync(root, 0, ct);
        }
        if (anchored is null)
        {
            throw new ChainException(ChainErrorKind.RpcError,
                $"anchoredAt({batch.Root}) is set but the node returns no RootAnchored log for it from {chain.Contract.Address}; will look again.");
        }
        return await CanonicalAsync(anchored, ct)
            ?? throw new ChainException(ChainErrorKind.RpcError,
                $"The RootAnchored log of {batch.Root} points to block {anchored.BlockNumber}, which is not canonical on the node; will look again.");
    }

    /// <summary>The inclusion an event describes, if its block is still the canonical one at that height.</summary>
    public async Task<AnchorInclusion?> CanonicalAsync(RootAnchoredEvent anchored, CancellationToken ct)
    {
        var block = await chain.Client.GetBlockAsync(anchored.BlockNumber, ct);
        return block is not null && string.Equals(block.Hash, anchored.BlockHash, StringComparison.OrdinalIgnoreCase)
            ? new AnchorInclusion(anchored.TransactionHash, anchored.BlockNumber, anchored.BlockHash, anchored.BatchId, block.Timestamp)
            : null;
    }
}
