using Ledger.Api.Hosting;
using Ledger.Api.Problems;
using Ledger.Api.Storage;
using Ledger.Core.Records.Projections;
using Ledger.Data;
using Ledger.Data.Locking;
using Ledger.Data.Projections;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ledger.Api.Records.Writing;

/// <summary>
/// Writes a group of queued records in one SQLite transaction and tells each waiting request its outcome only after
/// the commit returned. If the group's transaction fails, every record is retried in a transaction of its own, so one
/// bad record (a constraint violation, say) fails alone and its neighbours are still stored — unless the disk is full:
/// that is no record's fault, retrying one by one would only hit it again, so every record of the group is refused
/// with <see cref="WriteOutcome.StorageFull"/> and <see cref="StorageHealth"/> says so until a commit succeeds.
/// Every record, submitted or the service's own, passes the same steps inside the transaction, in queue order:
/// idempotency, its effects' field assignment, its effects' check and its type's stateful rules (a refusal stores
/// nothing of it), the insert, its type's projections, and its effects' rows.
/// </summary>
internal sealed class GroupCommit(WriterContexts writers, EnvelopeBuilder envelopes, IngestStatistics statistics, StorageHealth storage, ILogger<GroupCommit> log)
{
    /// <summary>Writes the group and completes every item; never throws, so the writer loop cannot die on bad data.</summary>
    public async Task WriteAsync(IReadOnlyList<PendingWrite> group)
    {
        if (group.Count == 0)
        {
            return;
        }
        try
        {
            var results = await CommitAsync(group);
            storage.ReportWritten();
            statistics.Committed(results.Count(r => r.Outcome == WriteOutcome.Committed));
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Complete(results[i]);
            }
        }
        catch (Exception e) when (StorageFull.IsCause(e))
        {
            var reason = Reason(e);
            storage.ReportFull(reason);
            statistics.Failed(group.Count);
            // One line, no stack trace: the cause is the disk, not the code.
            log.LogError("The disk is full: a group of {Count} records was not stored and each request got 507 ({Reason}).", group.Count, reason);
            foreach (var item in group)
            {
                item.Complete(WriteOutcome.StorageFull);
            }
        }
        catch (Exception e) when (group.Count > 1)
        {
            statistics.Split();
            log.LogWarning("A group of {Count} records did not commit ({Reason}); writing them one at a time.", group.Count, e.Message);
            foreach (var item in group)
            {
                await WriteAsync([item]);
            }
        }
        catch (Exception e)
        {
            statistics.Failed(1);
            // Message only: it names the constraint or I/O error, never payload content.
            log.LogError("Record {RecordId} was not stored: {Reason}", group[0].Record.LogId, Reason(e));
            group[0].Complete(WriteOutcome.Failed);
        }
    }

    private static string Reason(Exception e) => e.InnerException?.Message ?? e.Message;

    private async Task<WriteResult[]> CommitAsync(IReadOnlyList<PendingWrite> group)
    {
        // A fresh context per attempt: a failed SaveChanges leaves its entities tracked, and the retry must not see them.
        // It is a writer's context (WriterContexts), on the writers' own connections.
        // No cancellation token on purpose: a transaction that started runs to commit or rollback, whoever went away.
        await using var db = writers.Create();
        // The store's write lock from the transaction's first statement (BEGIN IMMEDIATE on SQLite, an advisory lock
        // on PostgreSQL: WriteLock), so no other writer — another group, another service instance on the same store —
        // can commit between a rule's read of stored state and our insert. That is what makes check and write one step.
        await using var tx = await db.Database.BeginWriteTransactionAsync();
        var commit = new CommitScope(db, new ProjectionStore(db));
        using var inserts = new RecordInserts(db);
        var taken = await TakenKeysAsync(db, group);
        var results = new WriteResult[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            var item = group[i].Record;
            // A key already stored, or claimed by a record committed earlier in this group. A refused record claims
            // nothing, so a repeat of it with the same key is judged by the rules again rather than sent to look for
            // an answer that was never stored.
            if (item.Idempotency is { } key && taken.Contains((key.ApiKeyId, key.Key)))
            {
                results[i] = new WriteResult(WriteOutcome.KeyTaken);
                continue;
            }
            results[i] = group[i].Together is { } together
                ? await CommitTogetherAsync(commit, inserts, tx, together)
                : await CommitOneAsync(commit, inserts, item);
            if (item.Idempotency is { } claimed && results[i].Outcome == WriteOutcome.Committed)
            {
                taken.Add((claimed.ApiKeyId, claimed.Key));
            }
        }
        await inserts.FlushAsync();
        await tx.CommitAsync();
        return results;
    }

    // All or none, inside the group's transaction: a savepoint lets a refused member undo its companions without
    // touching the neighbours committed before it in the group.
    private async Task<WriteResult> CommitTogetherAsync(CommitScope commit, RecordInserts inserts, IDbContextTransaction tx, IReadOnlyList<PreparedRecord> together)
    {
        const string Savepoint = "together";
        // The group's earlier records are saved first: a rollback to the savepoint must not take them with it.
        await inserts.FlushAsync();
        await tx.CreateSavepointAsync(Savepoint);
        var rows = new List<StoredRecord>(together.Count);
        foreach (var item in together)
        {
            var result = await CommitOneAsync(commit, inserts, item);
            if (result.Outcome != WriteOutcome.Committed)
            {
                await tx.RollbackToSavepointAsync(Savepoint);
                // The companions' rows are gone from the database; the context must not keep them either.
                inserts.Forget();
                commit.Db.ChangeTracker.Clear();
                return result;
            }
            rows.Add(result.Record!);
            // Every row of this member is saved (projections write straight through), so the context lets go of them:
            // each SaveChanges scans what is tracked, and a 10,000-event capture document kept tracked is quadratic.
            await inserts.FlushAsync();
            commit.Db.ChangeTracker.Clear();
        }
        await tx.ReleaseSavepointAsync(Savepoint);
        return new WriteResult(WriteOutcome.Committed, rows[0]) { Together = rows };
    }

    // Effects read the tables, so the rows of the records before them are saved first (still inside the one
    // transaction, so still one fsync) and they see the group's earlier records. Projections and stateful rules read
    // and write projection rows straight through, so a group of plain submissions is saved once, at its end.
    private async Task<WriteResult> CommitOneAsync(CommitScope commit, RecordInserts inserts, PreparedRecord item)
    {
        var ct = CancellationToken.None;
        var payload = item.Payload;
        if (item.Effects is { } effects)
        {
            await inserts.FlushAsync(ct);
            await effects.AssignAsync(commit, payload, ct);
        }
        if (await RefusalAsync(commit, item, ct) is { } refusal)
        {
            // Rules only read, so nothing of the refused record was written; its neighbours carry on.
            return new WriteResult(WriteOutcome.Refused, Refusal: refusal);
        }
        var record = item.Sealed ?? SealInCommit(item);
        inserts.Add(record);
        if (item.Idempotency is not null)
        {
            inserts.Add(item.Idempotency);
        }
        if (item.Definition.Projections.Count > 0)
        {
            var committing = item.Committing with { RecordId = record.Id };
            foreach (var projection in item.Definition.Projections)
            {
                await projection.Apply(committing, commit.Projections, ct);
            }
        }
        if (item.Effects is { } withRows)
        {
            // Effects may write with SQL of their own that refers to the record, so it is saved first.
            await inserts.FlushAsync(ct);
            await withRows.ApplyAsync(commit, record, ct);
            await inserts.FlushAsync(ct);
        }
        return new WriteResult(WriteOutcome.Committed, record);
    }

    private static async Task<RuleRefusal?> RefusalAsync(CommitScope commit, PreparedRecord item, CancellationToken ct)
    {
        if (item.Effects is { } effects && await effects.CheckAsync(commit, ct) is { } refused)
        {
            return refused;
        }
        foreach (var rule in item.Definition.StatefulRules)
        {
            if (await rule.Check(item.Committing, commit.Projections, ct) is { } refusal)
            {
                return refusal;
            }
        }
        return null;
    }

    // The envelope is built (or a submission's draft completed) only now, from the payload as the effects completed
    // it, and sealed with keys opened before queueing. Built afresh on every attempt, so a retried record never reuses
    // a stale field.
    private StoredRecord SealInCommit(PreparedRecord item)
    {
        var seal = item.SealInCommit ?? throw new InvalidOperationException($"A {item.Definition.Name} record reached the commit neither sealed nor with keys to seal it.");
        return seal.Apply(item.Draft is { } draft
            ? envelopes.Complete(item.Definition, draft, item.Payload, item.SubmittedBy)
            : envelopes.BuildInternal(item.Definition, item.Issuer, item.Payload, item.SubmittedBy));
    }

    // Checked inside the write transaction, so no other commit can claim a key between this check and ours.
    private static async Task<HashSet<(string ApiKeyId, string Key)>> TakenKeysAsync(LedgerDbContext db, IReadOnlyList<PendingWrite> group)
    {
        var taken = new HashSet<(string, string)>();
        var keyed = group.Select(i => i.Record.Idempotency).OfType<IdempotentSubmission>();
        foreach (var byCaller in keyed.GroupBy(k => k.ApiKeyId))
        {
            var keys = byCaller.Select(k => k.Key).Distinct().ToList();
            var stored = await db.IdempotentSubmissions
                .Where(s => s.ApiKeyId == byCaller.Key && keys.Contains(s.Key))
                .Select(s => s.Key)
                .ToListAsync();
            taken.UnionWith(stored.Select(k => (byCaller.Key, k)));
        }
        return taken;
    }
}
