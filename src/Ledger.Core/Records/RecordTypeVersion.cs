using System.Text.Json.Nodes;
using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records;

/// <summary>
/// One version of a record type: the payload schema records of this version were written under, and the checks
/// that span fields. A record names its version in its envelope (<c>typeVersion</c>; absent means 1), so it is
/// always read and checked against the schema it was written with, whatever versions come after it.
/// </summary>
/// <param name="Number">1, 2, …: the envelope's <c>typeVersion</c>.</param>
/// <param name="Schema">The JSON Schema of the payload.</param>
public sealed record RecordTypeVersion(int Number, PayloadSchema Schema)
{
    /// <summary>Checks that span fields (e.g. an overall result that contradicts an item); run only when the schema passes.</summary>
    public IReadOnlyList<Func<JsonObject, PayloadError?>> Rules { get; init; } = [];

    /// <summary>Every problem with <paramref name="payload"/> under this version; empty when it is valid.</summary>
    public IReadOnlyList<PayloadError> Validate(JsonObject payload)
    {
        var errors = Schema.Validate(payload);
        return errors.Count > 0 ? errors : [.. Rules.Select(rule => rule(payload)).OfType<PayloadError>()];
    }
}
