using System.Text.Json;

namespace Ledger.Core.Epcis;

/// <summary>
/// The namespace prefixes a document declares in its <c>@context</c> (<c>"example": "https://ns.example.com/epcis/"</c>),
/// used to write user extension names as <c>{namespace}localName</c> and to expand CURIE values.
/// </summary>
internal sealed class JsonLdPrefixes
{
    // The standard context defines these; CBV 2.0 expands CURIEs that use them too.
    private static readonly Dictionary<string, string> Standard = new(StringComparer.Ordinal)
    {
        ["cbv"] = CbvVocabulary.CbvBase,
        ["gs1"] = CbvVocabulary.Gs1VocBase,
        ["epcis"] = CbvVocabulary.EpcisBase,
    };

    private readonly Dictionary<string, string> _declared = new(StringComparer.Ordinal);

    /// <summary>The prefixes declared by the objects of <paramref name="context"/> (a string, an object or an array of both).</summary>
    public static JsonLdPrefixes From(JsonElement context)
    {
        var prefixes = new JsonLdPrefixes();
        prefixes.Add(context);
        return prefixes;
    }

    /// <summary>Adds what an inner <c>@context</c> declares (an event may carry its own).</summary>
    public JsonLdPrefixes With(JsonElement context)
    {
        var copy = new JsonLdPrefixes();
        foreach (var (k, v) in _declared)
        {
            copy._declared[k] = v;
        }
        copy.Add(context);
        return copy;
    }

    /// <summary>The namespace of <paramref name="prefix"/> when the document declares it.</summary>
    public string? Namespace(ReadOnlySpan<char> prefix) =>
        _declared.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(prefix, out var ns) ? ns : null;

    /// <summary>A property name as the hash writes it: <c>example:f</c> → <c>{https://ns.example.com/epcis/}f</c>.</summary>
    public string PropertyName(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Namespace(name.AsSpan(0, colon)) is { } ns ? string.Concat("{", ns, "}", name.AsSpan(colon + 1)) : name;
    }

    /// <summary>A CURIE value expanded (<c>gs1:Temperature</c> → <c>https://gs1.org/voc/Temperature</c>); other text unchanged.</summary>
    public string Value(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return value;
        }
        var prefix = value.AsSpan(0, colon);
        var ns = Namespace(prefix) ?? (Standard.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(prefix, out var s) ? s : null);
        return ns is null ? value : string.Concat(ns, value.AsSpan(colon + 1));
    }

    private void Add(JsonElement context)
    {
        switch (context.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in context.EnumerateArray())
                {
                    Add(item);
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in context.EnumerateObject())
                {
                    // A term mapped to an IRI string is a prefix; term definitions as objects and @-keywords are not.
                    if (property.Value.ValueKind == JsonValueKind.String && !property.Name.StartsWith('@'))
                    {
                        _declared[property.Name] = property.Value.GetString()!;
                    }
                }
                break;
        }
    }
}
