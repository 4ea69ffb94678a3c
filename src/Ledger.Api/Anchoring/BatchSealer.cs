using System.Text.Json;
using Ledger.Core.Encoding;
using Ledger.Core.Merkle;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Ledger.Data.Issuers;
using Ledger.Data.Locking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Seals waiting records into a batch: fixes the Merkle root, assigns each record its proof, all in one transaction,
/// so a record is either in exactly one sealed batch or still waiting. The waiting records are read inside that
/// transaction (SQLite takes the write lock at its start), so even two sealers racing could not share a record; the
/// anchoring lease makes one sealer the rule anyway. Issuer key registrations and retirements not yet on chain ride
/// in the new batch's anchor transaction.
/// </summary>
public sealed class BatchSealer(LedgerDbContext db, TimeProvider time, IOptions<AnchoringOptions> options)
{
    /// <summary>Seals one batch if enough records wait or the oldest has waited long enough; returns it or null.</summary>
    public async Task<AnchorBatch?> SealDueAsync(CancellationToken ct)
    {
        // Look without the write lock first: most polls find nothing due, and ingest should not wait on them.
        if (!IsDue(await WaitingAsync(ct)))
        {
            return null;
        }
        await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
        var waiting = await WaitingAsync(ct);
        if (!IsDue(waiting))
        {
            return null;
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var tree = MerkleTree.Build([.. waiting.Select(r => Hex.DecodeFixed(r.RecordHash, 32))]);
        var batch = new AnchorBatch
        {
            Root = Hex.Encode(tree.Root),
            LeafCount = waiting.Count,
            State = BatchState.Sealed,
            SealedAtMs = now,
        };
        db.Batches.Add(batch);
        await db.SaveChangesAsync(ct);
        await IssuerKeyRegistrations.AttachPendingAsync(db, batch.Id, ct);
        var proofs = waiting.Select(r => (r.Id, JsonSerializer.Serialize(tree.GetProof(Hex.DecodeFixed(r.RecordHash, 32)).Select(p => Hex.Encode(p))))).ToList();
        await BatchAssignment.WriteAsync(db, batch.Id, proofs, ct);
        await tx.CommitAsync(ct);
        // Nothing sealed here is used again through this context (the anchorer reads open batches afresh); a context
        // that kept every sealed batch and key row tracked would scan them all at each later SaveChanges.
        db.ChangeTracker.Clear();
        Operations.LedgerMetrics.BatchSize.Observe(batch.LeafCount);
        return batch;
    }

    // Three small columns of the oldest waiting records, not whole rows: the look runs on every poll, and the write
    // lock is held while the sealing one runs (envelopes and sealed payloads are most of a row's bytes).
    private Task<List<WaitingRecord>> WaitingAsync(CancellationToken ct) => db.Records.AsNoTracking()
        .Where(r => r.BatchId == null)
        .OrderBy(r => r.ReceivedAtMs).ThenBy(r => r.Id)
        .Take(options.Value.MaxBatchSize)
        .Select(r => new WaitingRecord(r.Id, r.RecordHash, r.ReceivedAtMs))
        .ToListAsync(ct);

    private bool IsDue(List<WaitingRecord> waiting)
    {
        if (waiting.Count == 0)
        {
            return false;
        }
        var settings = options.Value;
        var oldestWaitedMs = time.GetUtcNow().ToUnixTimeMilliseconds() - waiting[0].ReceivedAtMs;
        return waiting.Count >= settings.MaxBatchSize || oldestWaitedMs >= settings.BatchInterval.TotalMilliseconds;
    }

    private sealed record WaitingRecord(string Id, string RecordHash, long ReceivedAtMs);
}
