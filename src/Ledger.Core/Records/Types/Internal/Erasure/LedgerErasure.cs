using System.Text.Json.Nodes;
using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.Internal.Erasure;

/// <summary>ledger/erasure: evidence that a data subject's payloads were crypto-shredded, by whom and on what legal basis.</summary>
/// <remarks>
/// It names the subject only by a keyed digest (HMAC under a secret the service keeps), never by the reference itself:
/// an erasure record that repeated the reference would keep the very data it says was erased.
/// </remarks>
public static class LedgerErasure
{
    /// <summary>The record type; L2 because it names the requesting staff key and the organisation's reasons. The service writes it.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.Ledger,
        "erasure",
        DataLevel.Internal,
        "The payloads of one data subject were erased (their data key destroyed); hashes and proofs still verify.")
    {
        Versions = [new(1, PayloadSchema.Embedded(typeof(LedgerErasure), "erasure.v1.schema.json")) { Rules = [OtherNeedsNote] }],
    };

    /// <summary>The legal bases an erasure may cite: the schema's list, so the request parser and the record agree.</summary>
    public static IReadOnlyList<string> LegalBases { get; } =
        [.. Definition.Current.Schema.Copy()["properties"]!["legalBasis"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>())];

    private static PayloadError? OtherNeedsNote(JsonObject payload) =>
        payload["legalBasis"]?.GetValue<string>() == "other" && payload["note"] is null
            ? new PayloadError("note", "is required when legalBasis is other")
            : null;
}
