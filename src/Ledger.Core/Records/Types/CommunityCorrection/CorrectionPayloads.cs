using System.Text.Json.Nodes;

namespace Ledger.Core.Records.Types.CommunityCorrection;

/// <summary>What every community-correction record shares: the case reference as its subject, and rules over dates.</summary>
public static class CorrectionPayloads
{
    /// <summary>The payload field naming the case (its pseudonymous reference): every type's subject field.</summary>
    public const string CaseRef = "subjectRef";

    /// <summary>The case reference of a payload that passed its schema.</summary>
    public static string CaseRefOf(JsonObject payload) => payload[CaseRef]!.GetValue<string>();

    /// <summary>The calendar date at <paramref name="path"/> (dot-separated), or null when the payload has none there.</summary>
    public static DateOnly? DateAt(JsonObject payload, string path)
    {
        JsonNode? node = payload;
        foreach (var name in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[name] : null;
        }
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? CorrectionCalendar.Parse(text) : null;
    }

    /// <summary>A rule that the date at <paramref name="last"/> is not before the one at <paramref name="first"/>.</summary>
    public static Func<JsonObject, PayloadError?> NotBefore(string last, string first) => payload =>
        DateAt(payload, last) < DateAt(payload, first)
            ? new PayloadError(last, $"must not be before {first}")
            : null;
}
