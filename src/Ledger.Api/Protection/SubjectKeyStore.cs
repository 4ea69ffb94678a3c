using Ledger.Core.Protection;
using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Protection;

/// <summary>Finds, creates and opens the data keys of subjects; the wrapped keys live in <c>data_keys</c>.</summary>
internal sealed class SubjectKeyStore(LedgerDbContext db, ProtectionKeys keys, ISecureRandom random, TimeProvider time)
{
    /// <summary>
    /// The subject's data key, created on first use. Race-free across requests and instances: the insert yields to an
    /// existing row with the same digest (unique index), and everyone then uses the row that won.
    /// </summary>
    public async Task<DataKey> GetOrCreateAsync(string subjectDigest, CancellationToken ct)
    {
        var stored = await FindAsync(subjectDigest, ct);
        if (stored is null)
        {
            var id = "dk_" + Guid.NewGuid().ToString("N");
            using (var fresh = DataKey.Generate(id, random))
            {
                var wrapped = new KeyWrapper(random).Wrap(fresh, keys.Master);
                var now = time.GetUtcNow().ToUnixTimeMilliseconds();
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO data_keys (id, subject_digest, wrapped_key, created_at_ms) VALUES ({id}, {subjectDigest}, {wrapped}, {now}) ON CONFLICT (subject_digest) DO NOTHING",
                    ct);
            }
            stored = await FindAsync(subjectDigest, ct) ?? throw new InvalidOperationException("A data key just stored is missing.");
        }
        return KeyWrapper.Unwrap(stored, keys.Master);
    }

    /// <summary>The data key named <paramref name="keyId"/>, or null once it was destroyed by an erasure.</summary>
    public async Task<DataKey?> OpenAsync(string keyId, CancellationToken ct)
    {
        var wrapped = await db.SubjectKeys.AsNoTracking().Where(k => k.Id == keyId).Select(k => k.WrappedKey).SingleOrDefaultAsync(ct);
        return wrapped is null ? null : KeyWrapper.Unwrap(wrapped, keys.Master);
    }

    /// <summary>
    /// The data keys named in <paramref name="keyIds"/>, looked up in one query per 500 ids; keys destroyed by an
    /// erasure are absent. The caller disposes the result.
    /// </summary>
    public async Task<OpenedDataKeys> OpenManyAsync(IEnumerable<string> keyIds, CancellationToken ct)
    {
        var opened = new OpenedDataKeys();
        try
        {
            foreach (var chunk in keyIds.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
            {
                var rows = await db.SubjectKeys.AsNoTracking().Where(k => chunk.Contains(k.Id)).Select(k => new { k.Id, k.WrappedKey }).ToListAsync(ct);
                foreach (var row in rows)
                {
                    opened.Add(row.Id, KeyWrapper.Unwrap(row.WrappedKey, keys.Master));
                }
            }
            return opened;
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }

    // Ids per look-up: well under SQLite's and PostgreSQL's parameter limits however EF Core passes the list.
    private const int LookupChunk = 500;

    private Task<byte[]?> FindAsync(string subjectDigest, CancellationToken ct) =>
        db.SubjectKeys.AsNoTracking().Where(k => k.SubjectDigest == subjectDigest).Select(k => k.WrappedKey).SingleOrDefaultAsync(ct);
}
