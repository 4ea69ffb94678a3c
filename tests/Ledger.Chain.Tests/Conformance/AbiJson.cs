using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ledger.Core.Encoding;

namespace Ledger.Chain.Tests.Conformance;

/// <summary>Converts the JSON form of ethers ABI values to the .NET values Nethereum takes, and both to comparable text.</summary>
internal static partial class AbiJson
{
    public static (IReadOnlyList<string> Types, IReadOnlyList<object?> Values) Tuple(JsonElement vector)
    {
        var types = vector.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).ToList();
        var values = vector.GetProperty("values").EnumerateArray().Select((value, i) => ToValue(types[i], value)).ToList();
        return (types, values);
    }

    public static object? ToValue(string type, JsonElement json) => Element(type) is { } element
        ? json.EnumerateArray().Select(e => ToValue(element, e)).ToList()
        : type switch
        {
            _ when type.StartsWith("uint", StringComparison.Ordinal) || type.StartsWith("int", StringComparison.Ordinal) =>
                BigInteger.Parse(json.GetString()!, CultureInfo.InvariantCulture),
            "bool" => json.GetBoolean(),
            _ when type.StartsWith("bytes", StringComparison.Ordinal) => Hex.Decode(json.GetString()!),
            _ => json.GetString(),
        };

    /// <summary>One text form for a JSON value or a decoded .NET value, so the two compare directly.</summary>
    public static string Canonical(string type, object? value) => (Element(type), value) switch
    {
        (_, JsonElement json) => Canonical(type, ToValue(type, json)),
        ({ } element, IEnumerable items) when value is not string and not byte[] =>
            "[" + string.Join(",", items.Cast<object?>().Select(i => Canonical(element, i))) + "]",
        (_, byte[] bytes) => Hex.Encode(bytes),
        (_, BigInteger number) => number.ToString(CultureInfo.InvariantCulture),
        (_, bool flag) => flag ? "true" : "false",
        _ when type == "address" => value?.ToString()?.ToLowerInvariant() ?? "null",
        _ => value?.ToString() ?? "null",
    };

    // The element type of T[] or T[k]; null for a non-array type.
    private static string? Element(string type) => ArrayType().Match(type) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"^(.*)\[\d*\]$")]
    private static partial Regex ArrayType();
}
