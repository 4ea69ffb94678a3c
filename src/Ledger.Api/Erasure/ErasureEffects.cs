using System.Text.Json.Nodes;
using Ledger.Api.Records.Writing;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Erasure;

/// <summary>
/// An erasure's work in the commit. The evidence states how many records it made unreadable, so that count is taken
/// inside the write transaction (a record of the subject committed just before, even in the same group, is counted and
/// erased) and written into the envelope before it is sealed. Then, with the evidence inserted: its index row, the
/// subject's records marked erased, its projection rows deleted, and its data key deleted — the crypto-shredding.
/// </summary>
internal sealed class ErasureEffects(string dataKeyId, string subjectDigest, EraseSubjectRequest request, string requestedBy, long erasedAtMs)
    : CommitEffects
{
    /// <summary>The count written into the evidence by the last attempt; read once the commit succeeded.</summary>
    public int ErasedCount { get; private set; }

    public override bool AssignsFields => true;

    public override async Task AssignAsync(CommitScope scope, JsonObject payload, CancellationToken ct)
    {
        ErasedCount = await scope.Db.Records.CountAsync(r => r.DataKeyId == dataKeyId, ct);
        payload["erasedCount"] = ErasedCount;
    }

    public override async Task ApplyAsync(CommitScope scope, StoredRecord record, CancellationToken ct)
    {
        scope.Db.Erasures.Add(new RecordErasure
        {
            Id = record.Id,
            SubjectDigest = subjectDigest,
            Domain = request.Domain,
            LegalBasis = request.LegalBasis,
            ErasedCount = ErasedCount,
            RequestedBy = requestedBy,
            ErasedAtMs = erasedAtMs,
        });
        await scope.Db.SaveChangesAsync(ct);
        await scope.Db.Records.Where(r => r.DataKeyId == dataKeyId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ErasedAtMs, erasedAtMs).SetProperty(r => r.ErasureId, record.Id), ct);
        await scope.Projections.DeleteSubjectAsync(subjectDigest, ct);
        // The crypto-shredding itself; the records' data_key_id is cleared by the foreign key (ON DELETE SET NULL).
        await scope.Db.SubjectKeys.Where(k => k.Id == dataKeyId).ExecuteDeleteAsync(ct);
    }
}
