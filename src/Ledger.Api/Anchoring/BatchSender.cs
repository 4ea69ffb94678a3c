using System.Globalization;
using System.Numerics;
using Ledger.Api.Chain;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Ledger.Data.Anchoring;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Signs and sends a batch's anchor transaction: first asks the chain whether the root is already anchored, saves
/// every signed transaction before sending it, re-sends the same bytes while a receipt is overdue and, after longer,
/// replaces it on the same nonce with bumped fees (never above the cap). Nothing is signed or sent without the lease.
/// </summary>
public sealed class BatchSender(
    ConnectedChain chain,
    BatchTransitions transitions,
    ChainAnchorReader reader,
    AnchoringLease lease,
    ChainOptions options,
    ILogger log)
{
    /// <summary>sealed → submitted, or straight to included when the chain already has the root.</summary>
    public async Task SubmitAsync(AnchorBatch batch, CancellationToken ct)
    {
        if (await reader.FindAsync(batch, ct) is { } onChain)
        {
            await IncludeFoundAsync(batch, onChain, ct);
            return;
        }
        batch.SearchFromBlock ??= await chain.Client.GetBlockNumberAsync(ct);
        await lease.EnsureHeldAsync(ct);
        SignedTransaction tx;
        try
        {
            tx = await chain.Sender.PrepareAsync(chain.Contract.Address, await AnchorCallAsync(batch, ct), ct);
        }
        catch (ChainException e) when (LedgerAnchorContract.IsRootAlreadyAnchored(e))
        {
            // The estimate saw the root anchored though anchoredAt did not a moment ago: a send of ours just landed.
            var found = await reader.FindAsync(batch, ct)
                ?? throw new ChainException(ChainErrorKind.RpcError, $"The node refuses {batch.Root} as already anchored but anchoredAt(root) is 0; will look again.", e);
            await IncludeFoundAsync(batch, found, ct);
            return;
        }
        await transitions.SignedAsync(batch, tx, ct);
        await SendCurrentAsync(batch, ct);
        log.LogInformation("Batch {BatchId} ({LeafCount} records) sent in transaction {TxHash} (nonce {Nonce}).", batch.Id, batch.LeafCount, tx.Hash, tx.Nonce);
    }

    /// <summary>While submitted without a receipt: re-send after ResendAfter, replace after ReplaceAfter.</summary>
    public async Task KeepSendingAsync(AnchorBatch batch, BatchTransaction current, CancellationToken ct)
    {
        var now = transitions.NowMs;
        if (batch.LastSentAtMs is { } sent && now - sent < options.ResendAfter.TotalMilliseconds)
        {
            return;
        }
        if (batch.LastSentAtMs is not null && now - current.SignedAtMs >= options.ReplaceAfter.TotalMilliseconds
            && await TryReplaceAsync(batch, current, ct))
        {
            return;
        }
        await SendCurrentAsync(batch, ct);
        log.LogInformation("Batch {BatchId}: no receipt yet for {TxHash}; sent it again.", batch.Id, batch.TxHash);
    }

    private async Task<bool> TryReplaceAsync(AnchorBatch batch, BatchTransaction current, CancellationToken ct)
    {
        if (current.GasLimit == 0)
        {
            await transitions.NoteAsync(batch, $"{current.TxHash} was signed before fees were recorded; it is re-sent but cannot be replaced.", ct);
            return false;
        }
        await lease.EnsureHeldAsync(ct);
        SignedTransaction replacement;
        try
        {
            replacement = await chain.Sender.PrepareReplacementAsync(
                chain.Contract.Address, await AnchorCallAsync(batch, ct), current.Nonce, current.GasLimit,
                Wei(current.MaxFeePerGas), Wei(current.MaxPriorityFeePerGas), ct);
        }
        catch (ChainException e) when (e.Kind == ChainErrorKind.FeeCapTooLow)
        {
            log.LogWarning("Batch {BatchId}: {TxHash} is not mined and cannot be replaced: {Reason}", batch.Id, current.TxHash, e.Message);
            await transitions.NoteAsync(batch, e.Message, ct);
            return false;
        }
        await transitions.SignedAsync(batch, replacement, ct);
        await SendCurrentAsync(batch, ct);
        log.LogWarning("Batch {BatchId}: {Old} not mined in time; replaced by {New} on nonce {Nonce} with max fee {MaxFee} and tip {Tip} wei per gas.",
            batch.Id, current.TxHash, replacement.Hash, replacement.Nonce, replacement.MaxFeePerGas, replacement.MaxPriorityFeePerGas);
        return true;
    }

    /// <summary>Hands the batch's current signed transaction to the node; the bytes are already saved.</summary>
    private async Task SendCurrentAsync(AnchorBatch batch, CancellationToken ct)
    {
        await lease.EnsureHeldAsync(ct);
        var tx = new SignedTransaction(
            Hex.Decode(batch.RawTransaction!), batch.TxHash!, batch.Nonce!.Value,
            Wei(batch.MaxFeePerGas!), Wei(batch.MaxPriorityFeePerGas!), batch.GasLimit!.Value);
        try
        {
            await chain.Sender.BroadcastAsync(tx, ct);
        }
        catch (ChainException e) when (e.Kind is ChainErrorKind.NonceTooLow or ChainErrorKind.ReplacementUnderpriced)
        {
            // Its nonce is taken, or another transaction holds it in the pool: the next look at receipts and the
            // account's nonce tells which (ours mined, replaced, or the key used elsewhere).
            await transitions.NoteAsync(batch, e.Message, ct);
        }
        await transitions.SentAsync(batch, ct);
    }

    private async Task IncludeFoundAsync(AnchorBatch batch, AnchorInclusion found, CancellationToken ct)
    {
        var ours = (await transitions.HistoryAsync(batch, ct)).FirstOrDefault(t => string.Equals(t.TxHash, found.TxHash, StringComparison.OrdinalIgnoreCase));
        await transitions.IncludedAsync(batch, found, ours, ct);
        log.LogInformation("Batch {BatchId}: root already anchored on chain in transaction {TxHash}, block {Block}; not sending again.",
            batch.Id, found.TxHash, found.BlockNumber);
    }

    // The same calldata every time for a batch (replacements must carry exactly what the original did): the root, and
    // the issuer key changes attached to the batch when it was sealed.
    private async Task<byte[]> AnchorCallAsync(AnchorBatch batch, CancellationToken ct)
    {
        var changes = await transitions.IssuerKeyChangesAsync(batch, ct);
        return LedgerAnchorContract.EncodeAnchor(
            Hex.DecodeFixed(batch.Root, 32), (ulong)batch.LeafCount,
            [.. changes.Select(c => new IssuerKeyChange(c.OrganisationId, c.Address, c.Retire))]);
    }

    private static BigInteger Wei(string text) => BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
