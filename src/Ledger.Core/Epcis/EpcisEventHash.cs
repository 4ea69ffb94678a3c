using System.Security.Cryptography;
using System.Text.Json;

namespace Ledger.Core.Epcis;

/// <summary>
/// The CBV 2.0 EPCIS Event Hash ID (<c>ni:///sha-256;{hex}?ver=CBV2.0</c>, RFC 6920): the SHA-256 of an event's
/// pre-hash string, a canonical text that is the same for every valid serialisation of the same event.
/// </summary>
public static class EpcisEventHash
{
    /// <summary>The algorithm version this code implements, as the ID's <c>ver</c> parameter writes it.</summary>
    public const string Version = "CBV2.0";

    /// <summary>The hash ID of a pre-hash string.</summary>
    public static string FromPreHash(string preHash)
    {
        ArgumentNullException.ThrowIfNull(preHash);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var bytes = System.Text.Encoding.UTF8.GetByteCount(preHash);
        var buffer = bytes <= 4096 ? stackalloc byte[bytes] : new byte[bytes];
        System.Text.Encoding.UTF8.GetBytes(preHash, buffer);
        SHA256.HashData(buffer, digest);
        return string.Concat("ni:///sha-256;", Convert.ToHexStringLower(digest), "?ver=", Version);
    }

    /// <summary>
    /// The pre-hash string of every event of an EPCIS 2.0 JSON/JSON-LD document, in document order: a capture
    /// document's <c>epcisBody.eventList</c> (or single <c>epcisBody.event</c>) or a query document's
    /// <c>epcisBody.queryResults.resultsBody.eventList</c>. The document is not validated here (EpcisDocument.Parse does that).
    /// </summary>
    public static IReadOnlyList<string> PreHashes(JsonElement document, EventHashOptions? options = null)
    {
        options ??= EventHashOptions.Default;
        var prefixes = document.TryGetProperty("@context", out var context) ? JsonLdPrefixes.From(context) : JsonLdPrefixes.From(default);
        var (events, holder) = EventsOf(document);
        var writer = new PreHashWriter(prefixes, IgnoredFields(document, holder, prefixes, options));
        return [.. events.Select(writer.Write)];
    }

    /// <summary>The hash ID of every event of <paramref name="document"/>, in document order.</summary>
    public static IReadOnlyList<string> HashIds(JsonElement document, EventHashOptions? options = null) =>
        [.. PreHashes(document, options).Select(FromPreHash)];

    // The events, and the object whose extensions apply to them (the query results for a query document).
    internal static (IEnumerable<JsonElement> Events, JsonElement Holder) EventsOf(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty("epcisBody", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            return ([], document);
        }
        if (body.TryGetProperty("eventList", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            return (list.EnumerateArray(), document);
        }
        if (body.TryGetProperty("queryResults", out var results) && results.ValueKind == JsonValueKind.Object
            && results.TryGetProperty("resultsBody", out var resultsBody) && resultsBody.ValueKind == JsonValueKind.Object
            && resultsBody.TryGetProperty("eventList", out var queried) && queried.ValueKind == JsonValueKind.Array)
        {
            return (queried.EnumerateArray(), results);
        }
        return body.TryGetProperty("event", out var single) && single.ValueKind == JsonValueKind.Object ? ([single], document) : ([], document);
    }

    private static HashSet<string> IgnoredFields(JsonElement document, JsonElement holder, JsonLdPrefixes prefixes, EventHashOptions options)
    {
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        if (!options.HonourIgnoreFields)
        {
            return ignored;
        }
        foreach (var source in new[] { document, holder })
        {
            foreach (var property in source.EnumerateObject())
            {
                if (prefixes.PropertyName(property.Name) == "{" + EventHashOptions.IgnoreFieldsNamespace + "}ignoreFields" && property.Value.ValueKind == JsonValueKind.Array)
                {
                    ignored.UnionWith(property.Value.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => prefixes.PropertyName(n.GetString()!)));
                }
            }
        }
        return ignored;
    }
}
