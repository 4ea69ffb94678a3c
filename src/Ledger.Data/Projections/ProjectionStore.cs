using System.Text.Json.Nodes;
using Ledger.Core.Canonical;
using Ledger.Core.Records.Projections;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Data.Projections;

/// <summary>
/// Projection rows in the <c>projections</c> table, read and written straight through on the context's connection, so
/// inside a transaction every read sees the writes before it (nothing waits in the change tracker).
/// </summary>
public sealed class ProjectionStore(LedgerDbContext db) : IProjectionState
{
    /// <inheritdoc />
    public async Task<JsonNode?> GetAsync(string projection, string key, CancellationToken ct)
    {
        var value = await db.Projections.AsNoTracking()
            .Where(p => p.Projection == projection && p.Key == key)
            .Select(p => p.Value)
            .SingleOrDefaultAsync(ct);
        return value is null ? null : JsonNode.Parse(value);
    }

    /// <inheritdoc />
    public async Task PutAsync(string projection, string key, JsonNode value, string? subjectDigest, CancellationToken ct)
    {
        var text = JsonCanonicalizer.CanonicalizeToString(value);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO projections (projection, key, value, subject_digest) VALUES ({projection}, {key}, {text}, {subjectDigest}) ON CONFLICT (projection, key) DO UPDATE SET value = excluded.value, subject_digest = excluded.subject_digest",
            ct);
    }

    /// <summary>Deletes every row about one data subject (part of erasing it); returns how many.</summary>
    public Task<int> DeleteSubjectAsync(string subjectDigest, CancellationToken ct) =>
        db.Projections.Where(p => p.SubjectDigest == subjectDigest).ExecuteDeleteAsync(ct);

    /// <summary>Deletes every row of every projection, before they are rebuilt from the records; returns how many.</summary>
    public Task<int> DeleteAllAsync(CancellationToken ct) => db.Projections.ExecuteDeleteAsync(ct);
}
