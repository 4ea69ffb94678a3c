using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Verification;

/// <summary>
/// A record's revocation and correction, compiled once: no LINQ translation or parameter extraction per request, no
/// change tracking. Public verification and proofs read both in their one statement instead (<see cref="VerifyLookup"/>).
/// </summary>
internal static class VerificationQueries
{
    /// <summary>The revocation of the record with this id, or null.</summary>
    public static readonly Func<LedgerDbContext, string, CancellationToken, Task<RevocationNotice?>> RevocationOf = CompiledQuery.Of(
        (LedgerDbContext db, string recordId, CancellationToken ct) => db.Revocations.AsNoTracking()
            .Where(r => r.RevokedRecordId == recordId)
            .Join(db.Records, r => r.Id, e => e.Id, (r, e) => new { r.RevokedAtMs, e.RecordHash, r.ReasonCode })
            .Select(r => new RevocationNotice(DateTimeOffset.FromUnixTimeMilliseconds(r.RevokedAtMs), r.RecordHash, r.ReasonCode))
            .SingleOrDefault());

    /// <summary>The correction that superseded the record with this id, or null.</summary>
    public static readonly Func<LedgerDbContext, string, CancellationToken, Task<SupersessionNotice?>> SupersessionOf = CompiledQuery.Of(
        (LedgerDbContext db, string recordId, CancellationToken ct) => db.Supersessions.AsNoTracking()
            .Where(s => s.SupersededRecordId == recordId)
            .Join(db.Records, s => s.Id, e => e.Id, (s, e) => new { s.SupersededAtMs, e.RecordHash })
            .Select(s => new SupersessionNotice(DateTimeOffset.FromUnixTimeMilliseconds(s.SupersededAtMs), s.RecordHash))
            .SingleOrDefault());
}
