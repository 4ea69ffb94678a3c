using Ledger.Api.Records.Writing;
using Ledger.Core.Epcis;
using Ledger.Core.Records.Projections;
using Ledger.Data;
using Ledger.Data.Epcis;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Epcis;

/// <summary>
/// A captured event's work in the commit: an error declaration must find the event it corrects (captured by the same
/// organisation, not yet revoked), which it then revokes; every event writes its index rows. Checked inside the
/// write transaction, so an event captured earlier in the same document is seen, and two declarations racing for one
/// event cannot both revoke it (the unique revoked_record_id stands behind the rule).
/// </summary>
internal sealed class EpcisEventEffects(EpcisEvent captured, string captureId, string organisation, string requestedBy, long capturedAtMs) : CommitEffects
{
    /// <summary>The rule refusing an error declaration that corrects no event the organisation captured.</summary>
    public const string DeclarationTarget = "error-declaration-target";

    public override async Task<RuleRefusal?> CheckAsync(CommitScope scope, CancellationToken ct)
    {
        if (!captured.IsErrorDeclaration || await TargetAsync(scope.Db, ct) is not null)
        {
            return null;
        }
        return new RuleRefusal(DeclarationTarget, RefusalKind.Unprocessable, "Nothing to correct",
            $"Event {captured.Index} declares an error in the event {captured.HashId}, but the ledger holds no standing event with that hash ID captured by this organisation.");
    }

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
