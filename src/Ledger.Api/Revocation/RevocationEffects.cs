using Ledger.Api.Records.Writing;
using Ledger.Core.Records.Projections;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Revocation;

/// <summary>
/// A revocation's work in the commit: the rules "already-revoked" (a record is revoked once) and "corrected" (the
/// version that replaced a record is what gets revoked), then its index row. The rules read inside the commit's write
/// transaction, so of two revocations racing — in one group or from two service instances — the second sees the first;
/// the unique index on revoked_record_id stands behind it.
/// </summary>
internal sealed class RevocationEffects(string revokedRecordId, string reasonCode, string requestedBy, long revokedAtMs) : CommitEffects
{
    /// <summary>The rule's name, sent as the problem's <c>rule</c>.</summary>
    public const string AlreadyRevoked = "already-revoked";

    /// <summary>The rule refusing to revoke a record that a correction replaced.</summary>
    public const string Corrected = "corrected";

    public override async Task<RuleRefusal?> CheckAsync(CommitScope scope, CancellationToken ct)
    {
        var earlier = await scope.Db.Revocations.AsNoTracking()
            .Where(r => r.RevokedRecordId == revokedRecordId)
            .Join(scope.Db.Records, r => r.Id, e => e.Id, (r, e) => new { r.RevokedAtMs, e.RecordHash })
            .SingleOrDefaultAsync(ct);
        if (earlier is not null)
        {
            return new RuleRefusal(AlreadyRevoked, RefusalKind.Conflict, "Already revoked",
                $"This record was revoked at {DateTimeOffset.FromUnixTimeMilliseconds(earlier.RevokedAtMs):O} by the revocation record {earlier.RecordHash}; a record is revoked once.");
        }
        // A corrected record no longer stands on its own: what is withdrawn is the version that replaced it.
        var correction = await scope.Db.Supersessions.AsNoTracking()
            .Where(s => s.SupersededRecordId == revokedRecordId)
            .Join(scope.Db.Records, s => s.Id, e => e.Id, (s, e) => new { s.SupersededAtMs, e.RecordHash })
            .SingleOrDefaultAsync(ct);
        return correction is null
            ? null
            : new RuleRefusal(Corrected, RefusalKind.Conflict, "Corrected record",
                $"This record was corrected at {DateTimeOffset.FromUnixTimeMilliseconds(correction.SupersededAtMs):O} by the record {correction.RecordHash}; revoke that record instead.");
    }

    public override Task ApplyAsync(CommitScope scope, StoredRecord record, CancellationToken ct)
    {
        scope.Db.Revocations.Add(new RecordRevocation
        {
            Id = record.Id,
            RevokedRecordId = revokedRecordId,
            ReasonCode = reasonCode,
            RequestedBy = requestedBy,
            RevokedAtMs = revokedAtMs,
        });
        return Task.CompletedTask;
    }
}
