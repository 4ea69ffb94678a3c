using Ledger.Core.Encoding;
using Ledger.Api.Verification;
using Ledger.Core.Merkle;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Ledger.Data.Issuers;
using Ledger.Data.Locking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Seals waiting records into a batch. The waiting records are read, and their tree built, before the write lock is
/// taken (<see cref="PlanAsync"/>): ingest commits wait on that lock, and reading 2,048 records and building their
/// proofs under it was about half of a seal's time there (docs/benchmarks.md, "Fifth round"). Under the lock, one
/// short transaction writes the batch: its Merkle root, its tree (each record's proof is read from it,
/// <see cref="BatchTree"/>) and the issuer key registrations that ride in its anchor (<see cref="WriteBatchAsync"/>).
/// Its records are then given their batch id in slices of <see cref="AssignmentSlice"/>, each its own transaction
/// (<see cref="AssignAsync"/>): rewriting 2,048 record rows and committing them held the lock 20–50 ms in one piece,
/// the longest wait an ingest request could meet ("Eighth round"). While records are being committed, the sealer then
/// leaves the lock alone for twice as long as the slice held it (<see cref="YieldFactor"/>): eight slices back to
/// back, each alternating with one group commit, halved ingest's share of the lock for a tenth of a second at every
/// batch, and the requests that queued meanwhile were the slowest of a paced run ("Eleventh round"). The root fixes
/// the batch's members, so nothing about the batch changes while its records are assigned; until then they read as
/// pending, which they are. A batch is written only if no other batch was written since its plan was read, and
/// nothing is planned while the newest batch still has records to assign: so a record is in at most one batch, and a
/// batch left part-assigned (the service stopped between slices) is completed first, from its tree
/// (<see cref="CompleteNewestAsync"/>).
/// </summary>
public sealed class BatchSealer(
    LedgerDbContext db,
    TimeProvider time,
    IOptions<AnchoringOptions> options,
    ILogger<BatchSealer> log,
    Records.Writing.IngestStatistics? ingest = null)
{
    /// <summary>Seals one batch if enough records wait or the oldest has waited long enough; returns it or null.</summary>
    public async Task<AnchorBatch?> SealDueAsync(CancellationToken ct) =>
        await PlanAsync(ct) is { } plan ? await SealAsync(plan, ct) : null;

    /// <summary>How many records one assignment transaction gives their batch id.</summary>
    /// <remarks>256: each slice holds the write lock a few milliseconds, about as long as a group commit.</remarks>
    internal const int AssignmentSlice = 256;

    /// <summary>
    /// After a slice, while records are being committed, the sealer waits this many times as long as the slice held the
    /// write lock before it takes the lock again; with no ingest going on it does not wait, so a backlog is sealed at
    /// full speed.
    /// </summary>
    internal const int YieldFactor = 2;

    // The writer's commit count when this sealer last looked (from the start of its plan): a change means ingest is live.
    private long? _commitsSeen;

    /// <summary>
    /// The batch that is due, if one is, with its root and its tree, built without the write lock: the
    /// oldest waiting records (at most <see cref="AnchoringOptions.MaxBatchSize"/>) when there are enough of them or
    /// the oldest has waited a batch interval.
    /// </summary>
    internal async Task<SealPlan?> PlanAsync(CancellationToken ct)
    {
        _commitsSeen = ingest?.Commits;
        // The newest batch whole before the waiting records are read, so that none of them is in it; a batch written
        // after this makes the plan stale (WriteBatchAsync).
        var newest = await CompleteNewestAsync(ct);
        // Asked of the index first: the rows are read only once a batch is due. Reading up to a batch of them at every
        // 200-ms poll read each waiting record two or three times under ingest (docs/benchmarks.md, "Fifteenth round").
        if (!await IsDueAsync(ct))
        {
            return null;
        }
        var waiting = await WaitingAsync(ct);
        if (!IsDue(waiting))
        {
            return null;
        }
        var tree = MerkleTree.Build([.. waiting.Select(r => Hex.DecodeFixed(r.RecordHash, 32))]);
        return new SealPlan(Hex.Encode(tree.Root), [.. waiting.Select(r => r.Id)], tree.ToNodeBytes(), newest);
    }

    /// <summary>
    /// Writes <paramref name="plan"/>'s batch (<see cref="WriteBatchAsync"/>), then assigns its records to it
    /// (<see cref="AssignAsync"/>). Null, with nothing written, when another batch was written since the plan was read.
    /// </summary>
    internal async Task<AnchorBatch?> SealAsync(SealPlan plan, CancellationToken ct)
    {
        if (await WriteBatchAsync(plan, ct) is not { } batch)
        {
            return null;
        }
        await AssignAsync(batch.Id, plan.RecordIds, ct);
        Operations.LedgerMetrics.BatchSize.Observe(batch.LeafCount);
        return batch;
    }

    /// <summary>
    /// The batch of <paramref name="plan"/> in one transaction under the write lock: its row, its tree and the pending
    /// key registrations it carries; its records are not assigned yet. Null, with nothing written, when the newest
    /// batch is no longer the one the plan saw: its records may be in that batch.
    /// </summary>
    internal async Task<AnchorBatch?> WriteBatchAsync(SealPlan plan, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
        if (await NewestBatchIdAsync(ct) != plan.NewestBatchId)
        {
            log.LogInformation("A planned batch of {Count} records was not sealed: another batch was sealed meanwhile; the waiting records are planned again.",
                plan.RecordIds.Count);
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
        db.BatchTreeBlocks.AddRange(MerkleTreeBlocks.Split(plan.TreeNodes)
            .Select(b => new BatchTreeBlock { BatchId = batch.Id, Block = b.Block, Nodes = b.Nodes }));
        await db.SaveChangesAsync(ct);
        await IssuerKeyRegistrations.AttachPendingAsync(db, batch.Id, ct);
        await tx.CommitAsync(ct);
        // Nothing sealed here is used again through this context (the anchorer reads open batches afresh); a context
        // that kept every sealed batch and key row tracked would scan them all at each later SaveChanges.
        db.ChangeTracker.Clear();
        return batch;
    }

    /// <summary>
    /// Gives <paramref name="recordIds"/> the batch <paramref name="batchId"/>, <see cref="AssignmentSlice"/> records
    /// per transaction. Each record is assigned only while it waits, so assigning again is harmless.
    /// </summary>
    internal async Task AssignAsync(long batchId, IReadOnlyList<string> recordIds, CancellationToken ct)
    {
        var slices = recordIds.Chunk(AssignmentSlice).ToList();
        _commitsSeen ??= ingest?.Commits;
        for (var i = 0; i < slices.Count; i++)
        {
            TimeSpan held;
            await using (var tx = await db.Database.BeginWriteTransactionAsync(ct))
            {
                var locked = time.GetTimestamp();
                await BatchAssignment.WriteAsync(db, batchId, slices[i], ct);
                await tx.CommitAsync(ct);
                held = time.GetElapsedTime(locked);
            }
            // Records committed since the last look: ingest is live, and its next group is waiting for this lock.
            if (i < slices.Count - 1 && ingest?.Commits is { } commits && commits != _commitsSeen)
            {
                _commitsSeen = commits;
                await Task.Delay(held * YieldFactor, time, ct);
            }
        }
    }

    /// <summary>
    /// The newest batch's id (null for none), once every record of it is assigned to it: those still waiting — the
    /// service stopped, or another sealer is still assigning them — are the waiting records whose hashes its tree
    /// holds. Nothing is planned until they are assigned.
    /// </summary>
    internal async Task<long?> CompleteNewestAsync(CancellationToken ct)
    {
        var newest = await db.Batches.AsNoTracking().OrderByDescending(b => b.Id)
            .Select(b => new { b.Id, b.LeafCount }).FirstOrDefaultAsync(ct);
        if (newest is null)
        {
            return null;
        }
        var missing = newest.LeafCount - await db.Records.CountAsync(r => r.BatchId == newest.Id, ct);
        if (missing <= 0)
        {
            return newest.Id;
        }
        var members = await WaitingMembersAsync(db, newest.Id, missing, ct);
        log.LogWarning("Batch {Batch} was sealed but {Missing} of its {Count} records were not yet assigned to it; {Found} assigned now.",
            newest.Id, missing, newest.LeafCount, members.Count);
        await AssignAsync(newest.Id, members, ct);
        return newest.Id;
    }

    /// <summary>
    /// The ids of waiting records that batch <paramref name="batchId"/>'s tree holds, at most <paramref name="missing"/>:
    /// its members still to be assigned. Reads only.
    /// </summary>
    internal static async Task<List<string>> WaitingMembersAsync(LedgerDbContext db, long batchId, int missing, CancellationToken ct)
    {
        var nodes = await MerklePaths.TreeAsync(db, batchId, ct)
            ?? throw new InvalidOperationException($"Batch {batchId} has no stored tree: the store is damaged.");
        var members = new List<string>(missing);
        var waiting = db.Records.AsNoTracking().Where(r => r.BatchId == null)
            .OrderBy(r => r.ReceivedAtMs).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.RecordHash })
            .AsAsyncEnumerable();
        await foreach (var record in waiting.WithCancellation(ct))
        {
            if (MerkleTree.ProofFromNodes(nodes, Hex.DecodeFixed(record.RecordHash, 32)) is not null)
            {
                members.Add(record.Id);
                if (members.Count == missing)
                {
                    break;
                }
            }
        }
        return members;
    }

    private Task<long?> NewestBatchIdAsync(CancellationToken ct) => db.Batches.MaxAsync(b => (long?)b.Id, ct);

    // Both from the (batch_id, received_at_ms) index alone, without the records' rows.
    private static readonly Func<LedgerDbContext, CancellationToken, Task<long?>> OldestWaitingMs = CompiledQuery.Of(
        (LedgerDbContext db, CancellationToken ct) => db.Records.Where(r => r.BatchId == null).Min(r => (long?)r.ReceivedAtMs));

    private static readonly Func<LedgerDbContext, int, CancellationToken, Task<int>> WaitingUpTo = CompiledQuery.Of(
        (LedgerDbContext db, int limit, CancellationToken ct) => db.Records.Where(r => r.BatchId == null).Take(limit).Count());

    // IsDue's rule, from the index: the oldest waiting record has waited a batch interval, or a full batch waits.
    private async Task<bool> IsDueAsync(CancellationToken ct) =>
        await OldestWaitingMs(db, ct) is { } oldestMs
        && (HasWaitedTheInterval(oldestMs)
            || await WaitingUpTo(db, options.Value.MaxBatchSize, ct) >= options.Value.MaxBatchSize);

    // Three small columns of the oldest waiting records, not whole rows (envelopes and sealed payloads are most of a
    // row's bytes).
    private Task<List<WaitingRecord>> WaitingAsync(CancellationToken ct) => db.Records.AsNoTracking()
        .Where(r => r.BatchId == null)
        .OrderBy(r => r.ReceivedAtMs).ThenBy(r => r.Id)
        .Take(options.Value.MaxBatchSize)
        .Select(r => new WaitingRecord(r.Id, r.RecordHash, r.ReceivedAtMs))
        .ToListAsync(ct);

    private bool IsDue(List<WaitingRecord> waiting) =>
        waiting.Count > 0 && (waiting.Count >= options.Value.MaxBatchSize || HasWaitedTheInterval(waiting[0].ReceivedAtMs));

    private bool HasWaitedTheInterval(long receivedAtMs) =>
        time.GetUtcNow().ToUnixTimeMilliseconds() - receivedAtMs >= options.Value.BatchInterval.TotalMilliseconds;

    private sealed record WaitingRecord(string Id, string RecordHash, long ReceivedAtMs);
}

/// <summary>
/// A batch planned outside the write lock: its Merkle root, its records' ids, its tree's nodes
/// (<see cref="MerkleTree.ToNodeBytes"/>) and the newest batch when it was planned (null for none).
/// </summary>
internal sealed record SealPlan(string Root, IReadOnlyList<string> RecordIds, byte[] TreeNodes, long? NewestBatchId);
