using System.Text;
using System.Text.Json.Nodes;
using Ledger.Core.Protection;
using Ledger.Core.Records;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Types.SharedCommunity.Revocations;
using Ledger.Data.Locking;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Data.Projections;

/// <summary>
/// Rebuilds every projection from the records: deletes all rows, then replays each stored, non-erased record of a type
/// with projections through them in commit order (SQLite's rowid, PostgreSQL's commit_order), opening L2+ envelopes with the master key. One
/// transaction, so readers and the service see the old rows or the new ones, never a half-built table.
/// </summary>
public sealed class ProjectionRebuild(LedgerDbContext db, MasterKey master)
{
    private const int PageSize = 500;

    /// <summary>Reports progress: records replayed so far, of how many.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Rebuilds; returns the rows deleted, the records replayed and the rows there are now.</summary>
    /// <exception cref="InvalidOperationException">A record cannot be replayed (its envelope does not open, its type is unknown).</exception>
    public async Task<(int Deleted, int Replayed, int Rows)> RunAsync(CancellationToken ct)
    {
        var store = new ProjectionStore(db);
        await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
        var deleted = await store.DeleteAllAsync(ct);
        // Commit order: SQLite's rowid; on PostgreSQL the commit_order identity, which follows commits because every
        // insert happens under the write lock.
        var order = await db.Database
            .SqlQueryRaw<RecordRef>(db.Database.IsPostgreSql()
                ? "SELECT id AS \"Id\", domain AS \"Domain\", type AS \"Type\" FROM records WHERE erased_at_ms IS NULL ORDER BY commit_order"
                : "SELECT id AS Id, domain AS Domain, type AS Type FROM records WHERE erased_at_ms IS NULL ORDER BY rowid")
            .ToListAsync(ct);
        // A revocation of a time-bank or fund entry reverses it at its own place in commit order, as the commit did.
        var revocations = await db.Revocations.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.RevokedRecordId, ct);
        var projected = order.Where(r => DefinitionOf(r) is { Projections.Count: > 0 } || revocations.ContainsKey(r.Id)).Select(r => r.Id).ToList();
        var subjects = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var start = 0; start < projected.Count; start += PageSize)
        {
            var page = projected.Skip(start).Take(PageSize).ToList();
            var records = await db.Records.AsNoTracking().Where(r => page.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            foreach (var id in page)
            {
                if (revocations.TryGetValue(id, out var revokedId))
                {
                    await ReverseAsync(revokedId, store, subjects, ct);
                    continue;
                }
                var committing = await CommittingAsync(records[id], subjects, ct);
                foreach (var projection in committing.Definition.Projections)
                {
                    await projection.Apply(committing, store, ct);
                }
            }
            Progress?.Invoke(start + page.Count, projected.Count);
        }
        var rows = await db.Projections.CountAsync(ct);
        await tx.CommitAsync(ct);
        return (deleted, projected.Count, rows);
    }

    private async Task ReverseAsync(string revokedId, ProjectionStore store, Dictionary<string, string> subjects, CancellationToken ct)
    {
        var revoked = await db.Records.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revokedId && r.ErasedAtMs == null, ct);
        if (revoked is not null && RevokedEntries.Concerns(revoked.Domain, revoked.Type))
        {
            await RevokedEntries.ApplyAsync(await CommittingAsync(revoked, subjects, ct), revoked.RecordHash, store, ct);
        }
    }

    private static RecordTypeDefinition? DefinitionOf(RecordRef record) =>
        RecordTypeCatalog.Default.TryGet(record.Domain, record.Type, out var definition) ? definition : null;

    private async Task<CommittingRecord> CommittingAsync(StoredRecord record, Dictionary<string, string> subjects, CancellationToken ct)
    {
        var definition = RecordTypeCatalog.Default.TryGet(record.Domain, record.Type, out var found)
            ? found
            : throw new InvalidOperationException($"Record {record.Id} is of an unknown type {record.Domain}/{record.Type}.");
        var envelope = JsonNode.Parse(await EnvelopeOfAsync(record, ct))!.AsObject();
        string? subject = null;
        if (definition.SubjectField is not null)
        {
            // The subject's data key is named by the subject digest the commit used, so the replay keys rows alike.
            var keyId = record.DataKeyId ?? throw new InvalidOperationException($"Record {record.Id} has a data subject but no data key.");
            if (!subjects.TryGetValue(keyId, out subject))
            {
                subject = await db.SubjectKeys.AsNoTracking().Where(k => k.Id == keyId).Select(k => k.SubjectDigest).SingleAsync(ct);
                subjects[keyId] = subject;
            }
        }
        return new CommittingRecord(definition, RecordEnvelope.TypeVersionOf(envelope), record.Issuer, envelope["payload"]!.AsObject(), subject) { RecordId = record.Id };
    }

    private async Task<string> EnvelopeOfAsync(StoredRecord record, CancellationToken ct)
    {
        if (record.SealedEnvelope is null)
        {
            return record.EnvelopeJson;
        }
        var wrapped = await db.SubjectKeys.AsNoTracking().Where(k => k.Id == record.DataKeyId).Select(k => k.WrappedKey).SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"Record {record.Id}: its data key is missing although it is not erased.");
        using var dataKey = KeyWrapper.Unwrap(wrapped, master);
        return Encoding.UTF8.GetString(PayloadCipher.Decrypt(record.SealedEnvelope, dataKey, SealedEnvelopes.AssociatedData(record.Id)));
    }

    private sealed record RecordRef(string Id, string Domain, string Type);
}
