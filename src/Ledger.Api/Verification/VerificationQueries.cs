using Ledger.Data;
using Ledger.Data.Anchoring;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Verification;

/// <summary>
/// The look-ups behind public verification and proofs, compiled once: no LINQ translation or parameter extraction per
/// request, no change tracking (the public verify path's share of EF Core's cost, docs/benchmarks.md).
/// </summary>
internal static class VerificationQueries
{
    /// <summary>The record with this (lowercase) hash, or null.</summary>
    public static readonly Func<LedgerDbContext, string, CancellationToken, Task<StoredRecord?>> RecordByHash = CompiledQuery.Of(
        (LedgerDbContext db, string hash, CancellationToken ct) => db.Records.AsNoTracking().SingleOrDefault(r => r.RecordHash == hash));

    /// <summary>The anchor batch with this id, or null.</summary>
    public static readonly Func<LedgerDbContext, long, CancellationToken, Task<AnchorBatch?>> BatchById = CompiledQuery.Of(
        (LedgerDbContext db, long id, CancellationToken ct) => db.Batches.AsNoTracking().SingleOrDefault(b => b.Id == id));

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

    /// <summary>The name of the organisation with this id, or null.</summary>
    public static readonly Func<LedgerDbContext, string, CancellationToken, Task<string?>> OrganisationName = CompiledQuery.Of(
        (LedgerDbContext db, string id, CancellationToken ct) => db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleOrDefault());

    /// <summary>The hash of the record with this id, or null (an erasure's own record).</summary>
    public static readonly Func<LedgerDbContext, string, CancellationToken, Task<string?>> HashOf = CompiledQuery.Of(
        (LedgerDbContext db, string id, CancellationToken ct) => db.Records.AsNoTracking().Where(r => r.Id == id).Select(r => r.RecordHash).SingleOrDefault());
}
