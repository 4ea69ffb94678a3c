using Ledger.Api.Chain;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Ledger.Core.Proofs;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Moves batches along sealed → submitted → included → confirmed. Each step is saved before the next begins (the
/// signed transaction is stored before it is sent), so a crash at any point resumes from the last saved state.
/// </summary>
public sealed class BatchAnchorer(LedgerDbContext db, ConnectedChain chain, TimeProvider time, IOptions<ChainOptions> options, ILogger<BatchAnchorer> log)
{
    /// <summary>Advances every unfinished batch as far as the chain allows right now.</summary>
    public async Task AdvanceAllAsync(CancellationToken ct)
    {
        var open = await db.Batches.Where(b => b.State != BatchState.Confirmed).OrderBy(b => b.Id).ToListAsync(ct);
        foreach (var batch in open)
        {
            try
            {
                await AdvanceAsync(batch, ct);
            }
            catch (ChainException e)
            {
                batch.LastError = e.Message;
                await db.SaveChangesAsync(ct);
                throw;
            }
        }
    }

    private async Task AdvanceAsync(AnchorBatch batch, CancellationToken ct)
    {
        if (batch.State == BatchState.Sealed)
        {
            await SubmitAsync(batch, ct);
        }
        if (batch.State == BatchState.Submitted)
        {
            await AwaitInclusionAsync(batch, ct);
        }
        if (batch.State == BatchState.Included)
        {
            await ConfirmAsync(batch, ct);
        }
    }

    private async Task SubmitAsync(AnchorBatch batch, CancellationToken ct)
    {
        var data = LedgerAnchorContract.EncodeAnchor(Hex.DecodeFixed(batch.Root, 32), (ulong)batch.LeafCount);
        var tx = await chain.Sender.PrepareAsync(chain.Contract.Address, data, ct);
        batch.ChainId = chain.ChainId;
        batch.Contract = chain.Contract.Address;
        batch.RawTransaction = Hex.Encode(tx.Raw);
        batch.TxHash = tx.Hash;
        batch.Nonce = tx.Nonce;
        batch.SubmittedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        batch.State = BatchState.Submitted;
        batch.Attempts++;
        await db.SaveChangesAsync(ct);
        await chain.Sender.BroadcastAsync(tx, ct);
        log.LogInformation("Batch {BatchId} ({LeafCount} records) sent in transaction {TxHash}.", batch.Id, batch.LeafCount, tx.Hash);
    }

    private async Task AwaitInclusionAsync(AnchorBatch batch, CancellationToken ct)
    {
        var receipt = await chain.Client.GetTransactionReceiptAsync(batch.TxHash!, ct);
        if (receipt is null)
        {
            var waitedMs = time.GetUtcNow().ToUnixTimeMilliseconds() - batch.SubmittedAtMs!.Value;
            if (waitedMs > options.Value.ReceiptTimeout.TotalMilliseconds)
            {
                // Same bytes, same hash: re-sending is harmless if the node still has it and revives it if it was dropped.
                try
                {
                    await chain.Client.SendRawTransactionAsync(Hex.Decode(batch.RawTransaction!), ct);
                }
                catch (ChainException e) when (e.Kind is ChainErrorKind.AlreadyKnown or ChainErrorKind.NonceTooLow)
                {
                    // Still pending, or its nonce is used (mined, or replaced): the receipt will tell on a later pass.
                }
            }
            return;
        }
        var anchored = receipt.Succeeded ? chain.Contract.FindRootAnchored(receipt) : null;
        if (anchored is null || !string.Equals(anchored.Root, batch.Root, StringComparison.OrdinalIgnoreCase))
        {
            batch.LastError = receipt.Succeeded
                ? "The transaction carries no RootAnchored event for this root from the anchor contract."
                : "The anchor transaction reverted.";
            batch.State = BatchState.Sealed;
            await db.SaveChangesAsync(ct);
            return;
        }
        var block = await chain.Client.GetBlockAsync(receipt.BlockNumber, ct)
            ?? throw new ChainException(ChainErrorKind.RpcError, $"Block {receipt.BlockNumber} of a receipt is missing.");
        batch.BlockNumber = receipt.BlockNumber;
        batch.BlockHash = receipt.BlockHash;
        batch.ChainBatchId = anchored.BatchId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        batch.AnchoredAt = block.Timestamp;
        batch.LastError = null;
        await MoveAsync(batch, BatchState.Included, RecordStatus.Anchored, ct);
        log.LogInformation("Batch {BatchId} included in block {Block}.", batch.Id, receipt.BlockNumber);
    }

    private async Task ConfirmAsync(AnchorBatch batch, CancellationToken ct)
    {
        var head = await chain.Client.GetBlockNumberAsync(ct);
        if (head + 1 < batch.BlockNumber!.Value + (ulong)options.Value.Confirmations)
        {
            return;
        }
        var block = await chain.Client.GetBlockAsync(batch.BlockNumber.Value, ct);
        var stillAnchored = await chain.Contract.AnchoredAtAsync(Hex.DecodeFixed(batch.Root, 32), ct) != 0;
        if (block?.Hash != batch.BlockHash || !stillAnchored)
        {
            log.LogWarning("Batch {BatchId}: block {Block} is no longer canonical or the root is gone; anchoring again.", batch.Id, batch.BlockNumber);
            batch.LastError = "The including block left the canonical chain; re-anchoring.";
            batch.BlockNumber = null;
            batch.BlockHash = null;
            batch.ChainBatchId = null;
            batch.AnchoredAt = null;
            batch.RawTransaction = null;
            batch.TxHash = null;
            batch.Nonce = null;
            await MoveAsync(batch, BatchState.Sealed, RecordStatus.Pending, ct);
            return;
        }
        batch.ConfirmedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        await MoveAsync(batch, BatchState.Confirmed, RecordStatus.Confirmed, ct);
    }

    // The batch and its records change together or not at all.
    private async Task MoveAsync(AnchorBatch batch, string state, string recordStatus, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        batch.State = state;
        await db.SaveChangesAsync(ct);
        await db.Records.Where(r => r.BatchId == batch.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, recordStatus), ct);
        await tx.CommitAsync(ct);
    }
}
