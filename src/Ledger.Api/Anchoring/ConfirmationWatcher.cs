using Ledger.Api.Chain;
using Ledger.Core.Encoding;
using Ledger.Data.Anchoring;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Confirms included batches once their block is deep enough, and only while that block is still canonical and the
/// contract still knows the root. A block that left the chain (a reorg, or a node restored from an older state) sends
/// the batch back: to included elsewhere if the root landed again, else to submitted to send the same transaction again.
/// </summary>
public sealed class ConfirmationWatcher(ConnectedChain chain, BatchTransitions transitions, ChainAnchorReader reader, int confirmations, ILogger log)
{
    /// <summary>included → confirmed, or back when the block is gone.</summary>
    public async Task ConfirmAsync(AnchorBatch batch, CancellationToken ct)
    {
        var head = await chain.Client.GetBlockNumberAsync(ct);
        var deepEnough = head + 1 >= batch.BlockNumber!.Value + (ulong)confirmations;
        if (deepEnough && await chain.Contract.AnchoredAtAsync(Hex.DecodeFixed(batch.Root, 32), ct) == 0)
        {
            await ReanchorAsync(batch, ct);
            return;
        }
        // Checked last, so nothing read before it can belong to a chain that has since been replaced.
        if (!await IsCanonicalAsync(batch, ct))
        {
            await ReanchorAsync(batch, ct);
            return;
        }
        if (deepEnough)
        {
            await transitions.ConfirmedAsync(batch, ct);
            log.LogInformation("Batch {BatchId} confirmed ({Confirmations} blocks on block {Block}).", batch.Id, confirmations, batch.BlockNumber);
        }
    }

    /// <summary>True while the block the batch points to is the canonical block at that height.</summary>
    public async Task<bool> IsCanonicalAsync(AnchorBatch batch, CancellationToken ct)
    {
        var block = await chain.Client.GetBlockAsync(batch.BlockNumber!.Value, ct);
        return block is not null && string.Equals(block.Hash, batch.BlockHash, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The batch's block is gone: follow the root to where it is now, or send again.</summary>
    public async Task ReanchorAsync(AnchorBatch batch, CancellationToken ct)
    {
        var lost = $"block {batch.BlockNumber} ({batch.BlockHash})";
        var history = await transitions.HistoryAsync(batch, ct);
        if (await reader.FindAsync(batch, ct) is { } moved)
        {
            var tx = history.FirstOrDefault(t => string.Equals(t.TxHash, moved.TxHash, StringComparison.OrdinalIgnoreCase));
            await transitions.IncludedAsync(batch, moved, tx, ct);
            log.LogWarning("Batch {BatchId}: {Lost} left the canonical chain; the root is now in block {Block}.", batch.Id, lost, moved.BlockNumber);
            return;
        }
        var reason = $"The root is no longer anchored in {lost} (a reorganisation or a chain restored from an older state); anchoring it again.";
        log.LogWarning("Batch {BatchId}: {Reason}", batch.Id, reason);
        var included = history.FirstOrDefault(t => string.Equals(t.TxHash, batch.TxHash, StringComparison.OrdinalIgnoreCase));
        if (included is null)
        {
            await transitions.BackToSealedAsync(batch, reason, ct);
        }
        else
        {
            await transitions.BackToSubmittedAsync(batch, included, reason, ct);
        }
    }
}
