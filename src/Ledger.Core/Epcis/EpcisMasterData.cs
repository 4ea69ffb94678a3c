using System.Text;
using System.Text.Json;

namespace Ledger.Core.Epcis;

/// <summary>
/// What the ledger reads from a capture document's master data (<c>epcisHeader.epcisMasterData.vocabularyList</c>):
/// the names of business locations and read points (attribute <c>urn:epcglobal:cbv:mda#name</c>, or <c>cbvmda:name</c>
/// with the standard context's prefix), so a recall export and a trace can show "Longhua farm" beside its GLN.
/// </summary>
public static class EpcisMasterData
{
    /// <summary>The longest name kept, in UTF-16 code units; a longer one is cut there.</summary>
    public const int MaxNameLength = 200;

    /// <summary>
    /// The location names of <paramref name="document"/>: each element of a BusinessLocation or ReadPoint vocabulary
    /// that has a non-empty string name, its id in canonical form (a GS1 key as its Digital Link, any other URI as
    /// written), the name trimmed, control characters made spaces. A place named twice keeps its last name.
    /// </summary>
    public static IReadOnlyList<(string Identifier, string Name)> LocationNames(JsonElement document)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!document.TryGetProperty("epcisHeader", out var header) || header.ValueKind != JsonValueKind.Object
            || !header.TryGetProperty("epcisMasterData", out var masterData) || masterData.ValueKind != JsonValueKind.Object
            || !masterData.TryGetProperty("vocabularyList", out var vocabularies) || vocabularies.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        foreach (var vocabulary in vocabularies.EnumerateArray())
        {
            if (!IsLocationVocabulary(vocabulary) || !vocabulary.TryGetProperty("vocabularyElementList", out var elements) || elements.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            foreach (var element in elements.EnumerateArray())
            {
                if (Text(element, "id") is { } id && NameOf(element) is { } name)
                {
                    names[Gs1Identifier.TryParse(id.Trim())?.Canonical ?? id.Trim()] = name;
                }
            }
        }
        return [.. names.Select(n => (n.Key, n.Value))];
    }

    private static bool IsLocationVocabulary(JsonElement vocabulary) =>
        Text(vocabulary, "type") is { } type
        && (type.EndsWith(":BusinessLocation", StringComparison.Ordinal) || type.EndsWith(":ReadPoint", StringComparison.Ordinal)
            || type is "BusinessLocation" or "ReadPoint");

    private static string? NameOf(JsonElement element)
    {
        if (!element.TryGetProperty("attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        string? name = null;
        foreach (var attribute in attributes.EnumerateArray())
        {
            if (Text(attribute, "id") is "urn:epcglobal:cbv:mda#name" or "cbvmda:name" && Text(attribute, "attribute") is { } value
                && Clean(value) is { Length: > 0 } clean)
            {
                name = clean;
            }
        }
        return name;
    }

    private static string Clean(string value)
    {
        var text = new StringBuilder(Math.Min(value.Length, MaxNameLength));
        foreach (var c in value.Trim())
        {
            text.Append(char.IsControl(c) ? ' ' : c);
        }
        var cut = text.Length <= MaxNameLength ? text.Length : char.IsHighSurrogate(text[MaxNameLength - 1]) ? MaxNameLength - 1 : MaxNameLength;
        return text.ToString(0, cut).Trim();
    }

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
