using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Records.Idempotency;

/// <summary>Finds what an Idempotency-Key already produced for one API key.</summary>
internal sealed class IdempotencyLookup(LedgerDbContext db)
{
    /// <summary>The stored submission under this caller's key, or null. Keys are scoped per API key.</summary>
    public async Task<EarlierSubmission?> FindAsync(string apiKeyId, string key, CancellationToken ct)
    {
        var found = await db.IdempotentSubmissions.AsNoTracking()
            .Where(s => s.ApiKeyId == apiKeyId && s.Key == key)
            .Join(db.Records.AsNoTracking(), s => s.RecordId, r => r.Id, (s, r) => new { Entry = s, Record = r })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : new EarlierSubmission(found.Entry, found.Record);
    }
}
