using System.Globalization;
using Ledger.Api.Chain;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Ledger.Data.Issuers;
using Ledger.Data.Locking;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Saves every step of a batch's state machine — sealed → submitted → included → confirmed, and back when the chain
/// loses a block — before the next one begins. A signed transaction is saved before it is sent, and a record's status is
/// its batch's state (<see cref="BatchState.RecordStatus"/>), so both move in one row's update and a crash anywhere
/// resumes from a state that is true.
/// </summary>
public sealed class BatchTransitions(LedgerDbContext db, ConnectedChain chain, TimeProvider time)
{
    /// <summary>The clock, in the Unix milliseconds the batch rows use.</summary>
    public long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The issuer key registrations and retirements that ride in <paramref name="batch"/>'s anchor transaction.</summary>
    public Task<IReadOnlyList<IssuerKeyRegistration>> IssuerKeyChangesAsync(AnchorBatch batch, CancellationToken ct) =>
        IssuerKeyRegistrations.ForBatchAsync(db, batch.Id, ct);

    /// <summary>Every transaction signed for <paramref name="batch"/>, newest first.</summary>
    public Task<List<BatchTransaction>> HistoryAsync(AnchorBatch batch, CancellationToken ct) =>
        db.BatchTransactions.Where(t => t.BatchId == batch.Id).OrderByDescending(t => t.Id).ToListAsync(ct);

    /// <summary>sealed → submitted, or a replacement while submitted: <paramref name="tx"/> becomes the one to send.</summary>
    public async Task SignedAsync(AnchorBatch batch, SignedTransaction tx, CancellationToken ct)
    {
        var row = new BatchTransaction
        {
            BatchId = batch.Id,
            TxHash = tx.Hash,
            Nonce = tx.Nonce,
            MaxFeePerGas = tx.MaxFeePerGas.ToString(CultureInfo.InvariantCulture),
            MaxPriorityFeePerGas = tx.MaxPriorityFeePerGas.ToString(CultureInfo.InvariantCulture),
            GasLimit = tx.GasLimit,
            RawTransaction = Hex.Encode(tx.Raw),
            SignedAtMs = NowMs,
        };
        db.BatchTransactions.Add(row);
        OnThisChain(batch);
        Use(batch, row);
        batch.SubmittedAtMs ??= row.SignedAtMs;
        batch.Attempts++;
        batch.State = BatchState.Submitted;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The current transaction was handed to the node now.</summary>
    public async Task SentAsync(AnchorBatch batch, CancellationToken ct)
    {
        batch.LastSentAtMs = NowMs;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records why the batch is waiting, for operators.</summary>
    public async Task NoteAsync(AnchorBatch batch, string problem, CancellationToken ct)
    {
        batch.LastError = problem.Length <= 1000 ? problem : problem[..1000];
        await db.SaveChangesAsync(ct);
    }

    /// <summary>→ included: the root is in a canonical block; records become anchored and proofs point there.</summary>
    public async Task IncludedAsync(AnchorBatch batch, AnchorInclusion inclusion, BatchTransaction? tx, CancellationToken ct)
    {
        if (tx is not null)
        {
            Use(batch, tx);
        }
        else
        {
            // Landed by a transaction we hold no copy of (e.g. signed before a restore): nothing to re-send from here.
            batch.RawTransaction = null;
            batch.Nonce = null;
            batch.MaxFeePerGas = null;
            batch.MaxPriorityFeePerGas = null;
            batch.GasLimit = null;
        }
        OnThisChain(batch);
        batch.TxHash = inclusion.TxHash;
        batch.BlockNumber = inclusion.BlockNumber;
        batch.BlockHash = inclusion.BlockHash;
        batch.ChainBatchId = inclusion.ChainBatchId.ToString(CultureInfo.InvariantCulture);
        batch.AnchoredAt = inclusion.Timestamp;
        batch.ConfirmedAtMs = null;
        batch.LastError = null;
        await MoveAsync(batch, BatchState.Included, ct);
    }

    /// <summary>included → confirmed: enough blocks on top of a block that is still canonical.</summary>
    public async Task ConfirmedAsync(AnchorBatch batch, CancellationToken ct)
    {
        batch.ConfirmedAtMs = NowMs;
        await MoveAsync(batch, BatchState.Confirmed, ct);
        Operations.LedgerMetrics.AnchorLatency.Observe(Math.Max(0, batch.ConfirmedAtMs.Value - batch.SealedAtMs) / 1000.0);
    }

    /// <summary>included/confirmed → submitted: the block left the chain; send <paramref name="resend"/> again.</summary>
    public async Task BackToSubmittedAsync(AnchorBatch batch, BatchTransaction resend, string reason, CancellationToken ct)
    {
        ForgetInclusion(batch);
        Use(batch, resend);
        batch.LastError = reason;
        await MoveAsync(batch, BatchState.Submitted, ct);
    }

    /// <summary>→ sealed: nothing signed so far can be mined any more (its nonce went to another transaction); sign anew.</summary>
    public async Task BackToSealedAsync(AnchorBatch batch, string reason, CancellationToken ct)
    {
        ForgetTransactions(batch);
        batch.LastError = reason;
        await MoveAsync(batch, BatchState.Sealed, ct);
    }

    /// <summary>Clears the batch's signed transaction and its inclusion: what is left is a sealed root to sign anew.</summary>
    public static void ForgetTransactions(AnchorBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ForgetInclusion(batch);
        batch.RawTransaction = null;
        batch.TxHash = null;
        batch.Nonce = null;
        batch.MaxFeePerGas = null;
        batch.MaxPriorityFeePerGas = null;
        batch.GasLimit = null;
        batch.LastSentAtMs = null;
    }

    // The transaction to (re)send; null LastSentAtMs says "send it at the next look".
    private static void Use(AnchorBatch batch, BatchTransaction tx)
    {
        batch.RawTransaction = tx.RawTransaction;
        batch.TxHash = tx.TxHash;
        batch.Nonce = tx.Nonce;
        batch.MaxFeePerGas = tx.MaxFeePerGas;
        batch.MaxPriorityFeePerGas = tx.MaxPriorityFeePerGas;
        batch.GasLimit = tx.GasLimit;
        batch.LastSentAtMs = null;
    }

    private void OnThisChain(AnchorBatch batch)
    {
        batch.ChainId = chain.ChainId;
        batch.Contract = chain.Contract.Address;
    }

    private static void ForgetInclusion(AnchorBatch batch)
    {
        batch.BlockNumber = null;
        batch.BlockHash = null;
        batch.ChainBatchId = null;
        batch.AnchoredAt = null;
        batch.ConfirmedAtMs = null;
    }

    // One row: the records' status follows from the batch's state, so none of them is rewritten (it was 10-15 ms
    // under the write lock for a full batch, twice per batch; docs/benchmarks.md, seventh round).
    private async Task MoveAsync(AnchorBatch batch, string state, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
        batch.State = state;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
