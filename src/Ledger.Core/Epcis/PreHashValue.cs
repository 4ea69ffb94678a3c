using System.Text.Json;

namespace Ledger.Core.Epcis;

/// <summary>
/// One value as the pre-hash string writes it: trimmed; a bare standard term, a CURIE or an old CBV URN as its Web
/// URI; a number in its shortest form; an EPC URN or Digital Link URI as the constrained canonical Digital Link URI;
/// a timestamp in UTC with milliseconds.
/// </summary>
internal sealed class PreHashValue(JsonLdPrefixes prefixes)
{
    /// <summary>The prefixes in force for this event.</summary>
    public JsonLdPrefixes Prefixes => prefixes;

    /// <summary>The text of a JSON value; <paramref name="vocabulary"/> is the Web URI prefix for bare terms of the field, if any.</summary>
    public string Text(JsonElement element, bool time, string? vocabulary) => element.ValueKind switch
    {
        JsonValueKind.String => Text(element.GetString()!, time, vocabulary),
        JsonValueKind.Number => HashNumber.TryCanonical(element.GetRawText()) ?? element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "",
    };

    private string Text(string raw, bool time, string? vocabulary)
    {
        var text = raw.Trim();
        if (time)
        {
            return HashTimestamp.TryCanonical(text) ?? text;
        }
        if (vocabulary is not null)
        {
            text = CbvVocabulary.ExpandBare(text, vocabulary);
        }
        text = CbvVocabulary.FromUrn(prefixes.Value(text));
        return HashNumber.TryCanonical(text) ?? Gs1Identifier.TryParseForHash(text)?.Canonical ?? text;
    }
}
