using System.Text.Json.Nodes;
using Ledger.Core.Records.Chains;
using Ledger.Core.Records.Projections;
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

    /// <summary>
    /// Limits a well-formed payload must keep, as the law sets them (a leave the office may approve, a positioning
    /// period): a breach is refused as a whole with a 422 naming the limit, not as a malformed field. Run once the
    /// schema and <see cref="Rules"/> pass.
    /// </summary>
    public IReadOnlyList<Func<JsonObject, RuleRefusal?>> Limits { get; init; } = [];

    /// <summary>
    /// Checks of who may submit what a payload says (only a bureau approver approves at bureau level): given a valid
    /// payload and the submitting role, why that role may not submit it (a 403), or null.
    /// </summary>
    public IReadOnlyList<Func<JsonObject, string, string?>> RoleRules { get; init; } = [];

    /// <summary>
    /// Records of this version are links of a hash chain (<see cref="ChainLink"/>): the schema requires the
    /// <c>chain</c> member, the commit writes it, and a submission must leave it out.
    /// </summary>
    public bool Chained { get; init; }

    /// <summary>Every problem with <paramref name="payload"/> under this version; empty when it is valid.</summary>
    public IReadOnlyList<PayloadError> Validate(JsonObject payload)
    {
        var errors = Schema.Validate(payload);
        return errors.Count > 0 ? errors : [.. Rules.Select(rule => rule(payload)).OfType<PayloadError>()];
    }

    /// <summary>
    /// Every problem with a submitted <paramref name="payload"/>: as <see cref="Validate"/>, except that for a chained
    /// version the chain link is the ledger's to write — refused when sent, and stood in for while the rest is checked.
    /// </summary>
    public IReadOnlyList<PayloadError> ValidateSubmission(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!Chained)
        {
            return Validate(payload);
        }
        if (payload.ContainsKey(ChainLink.Field))
        {
            return [new PayloadError(ChainLink.Field, "is written by the ledger when the record is committed; leave it out")];
        }
        var linked = payload.DeepClone().AsObject();
        linked[ChainLink.Field] = ChainLink.First.ToJson();
        return Validate(linked);
    }

    /// <summary>The first limit <paramref name="payload"/> breaks, or null.</summary>
    public RuleRefusal? BrokenLimit(JsonObject payload) => Limits.Select(limit => limit(payload)).FirstOrDefault(r => r is not null);

    /// <summary>Why <paramref name="role"/> may not submit <paramref name="payload"/>, or null.</summary>
    public string? RoleProblem(JsonObject payload, string role) => RoleRules.Select(rule => rule(payload, role)).FirstOrDefault(r => r is not null);
}
