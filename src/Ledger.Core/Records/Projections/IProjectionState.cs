using System.Text.Json.Nodes;

namespace Ledger.Core.Records.Projections;

/// <summary>
/// What a record type's stateful rules and projections may read and write while a record is being committed: rows of
/// named projections, each <c>(projection, key) → canonical JSON value</c>. The store runs every call inside the
/// commit's transaction, so a rule sees the effects of the records committed before it, in the same group included.
/// </summary>
public interface IProjectionState
{
    /// <summary>The row's value, or null when the projection has no row under <paramref name="key"/>.</summary>
    Task<JsonNode?> GetAsync(string projection, string key, CancellationToken ct);

    /// <summary>
    /// Creates or replaces the row. <paramref name="subjectDigest"/> names the data subject the row is about (the
    /// record's <see cref="CommittingRecord.SubjectDigest"/>), so erasing the subject deletes the row with its records.
    /// </summary>
    Task PutAsync(string projection, string key, JsonNode value, string? subjectDigest, CancellationToken ct);
}
