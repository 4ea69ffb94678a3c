using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Records.Idempotency;

/// <summary>Finds what an Idempotency-Key already produced for one API key.</summary>
internal sealed class IdempotencyLookup(LedgerDbContext db)
{
    // Compiled once per model: this runs for every keyed submission, and translating the LINQ each time cost more than
    // the look-up itself.
    private static readonly Func<LedgerDbContext, string, string, CancellationToken, Task<Found?>> Find = CompiledQuery.Of(
        (LedgerDbContext db, string apiKeyId, string key, CancellationToken _) => db.IdempotentSubmissions.AsNoTracking()
            .Where(s => s.ApiKeyId == apiKeyId && s.Key == key)
            .Join(db.Records.AsNoTracking(), s => s.RecordId, r => r.Id, (s, r) => new Found(s, r))
            .SingleOrDefault());

    /// <summary>The stored submission under this caller's key, or null. Keys are scoped per API key.</summary>
    public async Task<EarlierSubmission?> FindAsync(string apiKeyId, string key, CancellationToken ct) =>
        await Find(db, apiKeyId, key, ct) is { } found ? new EarlierSubmission(found.Entry, found.Record) : null;

    /// <summary>
    /// Which of <paramref name="keys"/> this caller has already used: one query for a whole batch, so that only those
    /// need <see cref="FindAsync"/>. A key stored after this answer is still caught, by the commit's own check.
    /// </summary>
    public async Task<HashSet<string>> UsedAsync(string apiKeyId, IReadOnlyCollection<string> keys, CancellationToken ct) =>
        keys.Count == 0
            ? []
            : (await db.IdempotentSubmissions.AsNoTracking()
                .Where(s => s.ApiKeyId == apiKeyId && keys.Contains(s.Key))
                .Select(s => s.Key)
                .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    private sealed record Found(IdempotentSubmission Entry, StoredRecord Record);
}
