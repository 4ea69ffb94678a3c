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
/// Seals waiting records into a batch: fixes the Merkle root, stores the batch's tree (each record's proof is read from
/// it, <see cref="BatchTree"/>) and assigns each record its batch, all in one transaction, so a record is either in
/// exactly one sealed batch or still waiting. The waiting records are read, and their tree built, before the write
/// lock is taken (<see cref="PlanAsync"/>): ingest commits wait on that lock, and reading 2,048 records and building
/// their proofs under it was about half of a seal's time there (docs/benchmarks.md, "Fifth round"); writing each
/// record's proof under it was most of the rest ("Sixth round"). Under the lock each record is assigned only while it
/// still waits, and a seal that finds any of its records taken (another sealer's) rolls back whole
/// (<see cref="SealAsync"/>), so two sealers could not share a record; the anchoring lease makes one sealer the rule
/// anyway. Issuer key registrations and retirements not yet on chain ride in the new batch's anchor transaction.
/// </summary>
public sealed class BatchSealer(LedgerDbContext db, TimeProvider time, IOptions<AnchoringOptions> options, ILogger<BatchSealer> log)
{
    /// <summary>Seals one batch if enough records wait or the oldest has waited long enough; returns it or null.</summary>
    public async Task<AnchorBatch?> SealDueAsync(CancellationToken ct) =>
        await PlanAsync(ct) is { } plan ? await SealAsync(plan, ct) : null;

    /// <summary>
    /// The batch that is due, if one is, with its root and its tree, built without the write lock: the
    /// oldest waiting records (at most <see cref="AnchoringOptions.MaxBatchSize"/>) when there are enough of them or
    /// the oldest has waited a batch interval.
    /// </summary>
    internal async Task<SealPlan?> PlanAsync(CancellationToken ct)
    {
        var waiting = await WaitingAsync(ct);
        if (!IsDue(waiting))
        {
            return null;
        }
        var tree = MerkleTree.Build([.. waiting.Select(r => Hex.DecodeFixed(r.RecordHash, 32))]);
        return new SealPlan(Hex.Encode(tree.Root), [.. waiting.Select(r => r.Id)], tree.ToNodeBytes());
    }

    /// <summary>
    /// Writes <paramref name="plan"/> in one transaction under the write lock: the batch, its tree, the pending key
    /// registrations it carries, and each record's batch. Null, with nothing written, when any of its
    /// records was sealed by someone else since it was planned.
    /// </summary>
    internal async Task<AnchorBatch?> SealAsync(SealPlan plan, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
        // The same records sealed elsewhere meanwhile make the same root, which is unique among batches.
        if (await db.Batches.AnyAsync(b => b.Root == plan.Root, ct))
        {
            log.LogInformation("A planned batch of {Count} records was sealed elsewhere meanwhile.", plan.RecordIds.Count);
            return null;
        }
        var batch = new AnchorBatch
        {
            Root = plan.Root,
            LeafCount = plan.RecordIds.Count,
            State = BatchState.Sealed,
            SealedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.Batches.Add(batch);
        await db.SaveChangesAsync(ct);
        db.BatchTrees.Add(new BatchTree { BatchId = batch.Id, Nodes = plan.TreeNodes });
        await db.SaveChangesAsync(ct);
        await IssuerKeyRegistrations.AttachPendingAsync(db, batch.Id, ct);
        var assigned = await BatchAssignment.WriteAsync(db, batch.Id, plan.RecordIds, ct);
        if (assigned != plan.RecordIds.Count)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            log.LogInformation("A planned batch of {Count} records was not sealed: {Taken} of them were sealed elsewhere meanwhile; they are planned again.",
                plan.RecordIds.Count, plan.RecordIds.Count - assigned);
            return null;
        }
        await tx.CommitAsync(ct);
        // Nothing sealed here is used again through this context (the anchorer reads open batches afresh); a context
        // that kept every sealed batch and key row tracked would scan them all at each later SaveChanges.
        db.ChangeTracker.Clear();
        Operations.LedgerMetrics.BatchSize.Observe(batch.LeafCount);
        return batch;
    }

    // Three small columns of the oldest waiting records, not whole rows: the look runs on every poll (envelopes and
    // sealed payloads are most of a row's bytes).
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

/// <summary>A batch planned outside the write lock: its Merkle root, its records' ids and its tree's nodes (<see cref="MerkleTree.ToNodeBytes"/>).</summary>
internal sealed record SealPlan(string Root, IReadOnlyList<string> RecordIds, byte[] TreeNodes);
