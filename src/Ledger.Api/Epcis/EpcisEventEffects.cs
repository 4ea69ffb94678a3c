using Ledger.Api.Records.Writing;
using Ledger.Core.Epcis;
using Ledger.Data;
using Ledger.Data.Epcis;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Epcis;

/// <summary>
/// A captured event's work in the commit: every event writes its index rows, and an error declaration revokes the
/// standing event it corrects (same hash ID) when the same organisation captured it. A declaration about an event the
/// ledger does not hold, or holds from another organisation, is stored and revokes nothing: EPCIS repositories accept
/// such declarations (the conformance examples hold several), and only the issuer may withdraw its own record. Looked
/// up inside the write transaction, so an event captured earlier in the same document is found, and two declarations
/// racing for one event cannot both revoke it (the unique revoked_record_id).
/// </summary>
internal sealed class EpcisEventEffects(EpcisEvent captured, string captureId, string organisation, string requestedBy, long capturedAtMs) : CommitEffects
{
    public override async Task ApplyAsync(CommitScope scope, StoredRecord record, CancellationToken ct)
    {
        // Found before this event's own rows are added, so a declaration never finds itself.
        var target = captured.IsErrorDeclaration ? await TargetAsync(scope.Db, ct) : null;
        var index = EpcisEventIndex.Of(captured, record.Id, captureId);
        scope.Db.EpcisEvents.Add(index.Entry);
        scope.Db.EpcisEventIdentifiers.AddRange(index.Identifiers.Select(i => new EpcisEventIdentifier { RecordId = record.Id, Role = i.Role, Identifier = i.Identifier }));
        if (target is not null)
        {
            scope.Db.Revocations.Add(new RecordRevocation
            {
                Id = record.Id,
                RevokedRecordId = target,
                ReasonCode = "issued-in-error",
                RequestedBy = requestedBy,
                RevokedAtMs = capturedAtMs,
            });
        }
    }

    // The earliest standing capture of the corrected event by the same organisation.
    private Task<string?> TargetAsync(LedgerDbContext db, CancellationToken ct) =>
        db.EpcisEvents.AsNoTracking()
            .Where(e => e.EventHashId == captured.HashId && !e.DeclaresError)
            .Join(db.Records, e => e.RecordId, r => r.Id, (e, r) => new { e.RecordId, r.Issuer })
            .Where(e => e.Issuer == organisation && !db.Revocations.Any(v => v.RevokedRecordId == e.RecordId))
            .OrderBy(e => e.RecordId)
            .Select(e => e.RecordId)
            .FirstOrDefaultAsync(ct);
}
