using System.Text.RegularExpressions;
using Ledger.Core.Records.Schema;

namespace Ledger.Core.Records.Types;

/// <summary>ledger/erasure: evidence that a data subject's payloads were crypto-shredded, by whom and on what legal basis.</summary>
/// <remarks>
/// It names the subject only by a keyed digest (HMAC under a secret the service keeps), never by the reference itself:
/// an erasure record that repeated the reference would keep the very data it says was erased.
/// </remarks>
public static partial class LedgerErasure
{
    /// <summary>The legal bases an erasure may cite.</summary>
    public static IReadOnlyList<string> LegalBases { get; } = ["pipl-47-deletion-request", "retention-expired", "court-order", "other"];

    /// <summary>The record type; L2 because it names the requesting staff key and the organisation's reasons.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        InternalRecordTypes.Domain,
        "erasure",
        DataLevel.Internal,
        "The payloads of one data subject were erased (their data key destroyed); hashes and proofs still verify.")
    {
        Fields =
        [
            new TextField("subjectDigest", true, "Keyed digest (HMAC-SHA256) of issuer, domain and subject reference; not reversible without the service's secret.", 66)
            {
                MinLength = 66,
                Pattern = Digest(),
                PatternHint = "0x and 64 lower-case hex digits",
            },
            new TextField("domain", true, "The domain whose subject was erased.", 64),
            new ChoiceField("legalBasis", true, "Why: a PIPL Art. 47 deletion request, an expired retention period, a court order, or other (explained in note).", LegalBases),
            new TextField("note", false, "Reference of the request or order, or the reason when the basis is other.", 500),
            new NumberField("erasedCount", true, "How many records' payloads became unreadable.") { Minimum = 0, MaxDecimals = 0 },
            new TextField("requestedBy", true, "The public id of the credential that asked for the erasure.", 64),
        ],
        Rules = [OtherNeedsNote],
    };

    private static PayloadError? OtherNeedsNote(System.Text.Json.Nodes.JsonObject payload) =>
        payload["legalBasis"]?.GetValue<string>() == "other" && payload["note"] is null
            ? new PayloadError("note", "is required when legalBasis is other")
            : null;

    [GeneratedRegex("^0x[0-9a-f]{64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Digest();
}
