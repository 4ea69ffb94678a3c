using System.Text.Json.Nodes;
using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.Internal.Revocation;

/// <summary>ledger/revocation: evidence that the issuing organisation revoked one of its records, when, why and by whom.</summary>
/// <remarks>
/// Records are never edited: a revocation is a record of its own, signed and anchored, that names the revoked record
/// by its hash. The revoked record keeps its hash and proof; its status becomes revoked.
/// </remarks>
public static class LedgerRevocation
{
    /// <summary>The record type; L2 because it names the requesting staff key and the organisation's reasons. The service writes it.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.Ledger,
        "revocation",
        DataLevel.Internal,
        "An earlier record of the same organisation is revoked; its hash and proof still verify.")
    {
        // Version 2 adds the optional chain link: a revocation of a community-correction record is its case's next link.
        Versions =
        [
            new(1, PayloadSchema.Embedded(typeof(LedgerRevocation), "revocation.v1.schema.json")) { Rules = [OtherNeedsNote] },
            new(2, PayloadSchema.Embedded(typeof(LedgerRevocation), "revocation.v2.schema.json")) { Rules = [OtherNeedsNote] },
        ],
    };

    /// <summary>The reason codes a revocation may cite: the schema's list, so the request parser and the record agree.</summary>
    public static IReadOnlyList<string> ReasonCodes { get; } =
        [.. Definition.Current.Schema.Copy()["properties"]!["reasonCode"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>())];

    private static PayloadError? OtherNeedsNote(JsonObject payload) =>
        payload["reasonCode"]?.GetValue<string>() == "other" && payload["note"] is null
            ? new PayloadError("note", "is required when reasonCode is other")
            : null;
}
