using Ledger.Api.Chain;
using Ledger.Data.Anchoring;

namespace Ledger.Api.Anchoring;

/// <summary>
/// A submitted batch waits here for a receipt of any transaction ever signed for it (a replaced one may be the one
/// mined). When none has one but the account's nonce has moved past ours, the chain decides: the root anchored means
/// included; otherwise the nonce went to another transaction from our key (nonce drift) and the batch is signed anew.
/// </summary>
public sealed class InclusionWatcher(ConnectedChain chain, BatchTransitions transitions, ChainAnchorReader reader, BatchSender sender, ILogger log)
{
    /// <summary>submitted → included, back to sealed, or still submitted (re-sent or replaced when overdue).</summary>
    public async Task WatchAsync(AnchorBatch batch, CancellationToken ct)
    {
        var history = await transitions.HistoryAsync(batch, ct);
        var revertedOnOurNonce = false;
        foreach (var tx in history)
        {
            var receipt = await chain.Client.GetTransactionReceiptAsync(tx.TxHash, ct);
            if (receipt is null)
            {
                continue;
            }
            var anchored = receipt.Succeeded ? chain.Contract.FindRootAnchored(receipt) : null;
            if (anchored is not null && string.Equals(anchored.Root, batch.Root, StringComparison.OrdinalIgnoreCase)
                && await reader.CanonicalAsync(anchored, ct) is { } inclusion)
            {
                await transitions.IncludedAsync(batch, inclusion, tx, ct);
                Operations.LedgerMetrics.GasUsed.Inc(receipt.GasUsed);
                Operations.LedgerMetrics.FeesPaid.Inc((double)(receipt.GasUsed * receipt.EffectiveGasPrice));
                log.LogInformation("Batch {BatchId} included in block {Block} by transaction {TxHash}.", batch.Id, inclusion.BlockNumber, tx.TxHash);
                return;
            }
            revertedOnOurNonce |= tx.Nonce == batch.Nonce && anchored is null;
        }

        var minedNonce = await chain.Client.GetTransactionCountAsync(chain.Sender.Address, pending: false, ct);
        if (minedNonce <= batch.Nonce!.Value)
        {
            var current = history.FirstOrDefault(t => string.Equals(t.TxHash, batch.TxHash, StringComparison.OrdinalIgnoreCase)) ?? history[0];
            await sender.KeepSendingAsync(batch, current, ct);
            return;
        }
        // Our nonce is used. Mined between our looks is still success, so ask the chain before signing again.
        if (await reader.FindAsync(batch, ct) is { } found)
        {
            await transitions.IncludedAsync(batch, found, history.FirstOrDefault(t => string.Equals(t.TxHash, found.TxHash, StringComparison.OrdinalIgnoreCase)), ct);
            log.LogInformation("Batch {BatchId} found anchored on chain in block {Block}.", batch.Id, found.BlockNumber);
            return;
        }
        var reason = revertedOnOurNonce
            ? $"Transaction {batch.TxHash} was mined without anchoring the root (reverted); signing a new one."
            : $"Nonce {batch.Nonce} of {chain.Sender.Address} was taken by another transaction (the key used elsewhere, or a nonce reused after a drop); signing again with a fresh nonce.";
        log.LogWarning("Batch {BatchId}: {Reason}", batch.Id, reason);
        await transitions.BackToSealedAsync(batch, reason, ct);
    }
}
