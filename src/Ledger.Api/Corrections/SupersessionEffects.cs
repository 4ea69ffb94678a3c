using Ledger.Api.Records.Writing;
using Ledger.Api.Verification;
using Ledger.Core.Records.Projections;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Corrections;

/// <summary>
/// A correction's work in the commit: the rules "already-corrected" (a record is corrected once) and "not-standing"
/// (a revoked or erased record is not corrected), then its index row. They read inside the commit's write transaction,
/// so of two corrections racing — in one group or from two service instances — the second sees the first; the unique
/// index on superseded_record_id stands behind them.
/// </summary>
internal sealed class SupersessionEffects(string supersededRecordId, long supersededAtMs) : CommitEffects
{
    /// <summary>The rule refusing a second correction of one record.</summary>
    public const string AlreadyCorrected = "already-corrected";

    /// <summary>The rule refusing a correction of a revoked or erased record.</summary>
    public const string NotStanding = "not-standing";

    public override async Task<RuleRefusal?> CheckAsync(CommitScope scope, CancellationToken ct)
    {
        var target = await scope.Db.Records.AsNoTracking().SingleAsync(r => r.Id == supersededRecordId, ct);
        return CorrectionTargets.RefusalFor(await RecordStanding.OfAsync(target, scope.Db, ct));
    }

    public override Task ApplyAsync(CommitScope scope, StoredRecord record, CancellationToken ct)
    {
        scope.Db.Supersessions.Add(new RecordSupersession
        {
            Id = record.Id,
            SupersededRecordId = supersededRecordId,
            SupersededAtMs = supersededAtMs,
        });
        return Task.CompletedTask;
    }
}
