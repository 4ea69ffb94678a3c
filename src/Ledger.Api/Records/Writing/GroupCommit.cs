using Ledger.Api.Hosting;
using Ledger.Api.Problems;
using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Records.Writing;

/// <summary>
/// Writes a group of queued records in one SQLite transaction and tells each waiting request its outcome only after
/// the commit returned. If the group's transaction fails, every record is retried in a transaction of its own, so one
/// bad record (a constraint violation, say) fails alone and its neighbours are still stored — unless the disk is full:
/// that is no record's fault, retrying one by one would only hit it again, so every record of the group is refused
/// with <see cref="WriteOutcome.StorageFull"/> and <see cref="StorageHealth"/> says so until a commit succeeds.
/// </summary>
internal sealed class GroupCommit(IServiceScopeFactory scopes, IngestStatistics statistics, StorageHealth storage, ILogger<GroupCommit> log)
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
            var outcomes = await CommitAsync(group);
            storage.ReportWritten();
            statistics.Committed(outcomes.Count(o => o == WriteOutcome.Committed));
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Complete(outcomes[i]);
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
            log.LogError("Record {RecordId} was not stored: {Reason}", group[0].Record.Id, Reason(e));
            group[0].Complete(WriteOutcome.Failed);
        }
    }

    private static string Reason(Exception e) => e.InnerException?.Message ?? e.Message;

    private async Task<WriteOutcome[]> CommitAsync(IReadOnlyList<PendingWrite> group)
    {
        // A fresh context per attempt: a failed SaveChanges leaves its entities tracked, and the retry must not see them.
        // No cancellation token on purpose: a transaction that started runs to commit or rollback, whoever went away.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var taken = await TakenKeysAsync(db, group);
        var outcomes = new WriteOutcome[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            var item = group[i];
            // Add returns false for a key already stored or already claimed earlier in this group.
            if (item.Idempotency is { } key && !taken.Add((key.ApiKeyId, key.Key)))
            {
                outcomes[i] = WriteOutcome.KeyTaken;
                continue;
            }
            db.Records.Add(item.Record);
            if (item.Idempotency is not null)
            {
                db.IdempotentSubmissions.Add(item.Idempotency);
            }
            outcomes[i] = WriteOutcome.Committed;
        }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return outcomes;
    }

    // Checked inside the write transaction, so no other commit can claim a key between this check and ours.
    private static async Task<HashSet<(string ApiKeyId, string Key)>> TakenKeysAsync(LedgerDbContext db, IReadOnlyList<PendingWrite> group)
    {
        var taken = new HashSet<(string, string)>();
        var keyed = group.Select(i => i.Idempotency).OfType<Data.Records.IdempotentSubmission>();
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
