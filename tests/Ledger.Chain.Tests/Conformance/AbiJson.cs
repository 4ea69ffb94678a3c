using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Ledger.Chain.Abi;
using Ledger.Core.Encoding;

namespace Ledger.Chain.Tests.Conformance;

/// <summary>Converts the JSON form of ethers ABI values to the .NET values the encoder takes, and both to comparable text.</summary>
internal static class AbiJson
{
    public static (IReadOnlyList<AbiType> Types, IReadOnlyList<object?> Values) Tuple(JsonElement vector)
    {
        var types = vector.GetProperty("types").EnumerateArray().Select(t => AbiType.Parse(t.GetString()!)).ToList();
        var values = vector.GetProperty("values").EnumerateArray().Select((value, i) => ToValue(types[i], value)).ToList();
        return (types, values);
    }

    public static object? ToValue(AbiType type, JsonElement json) => type.Kind switch
    {
        AbiKind.UInt or AbiKind.Int => BigInteger.Parse(json.GetString()!, CultureInfo.InvariantCulture),
        AbiKind.Bool => json.GetBoolean(),
        AbiKind.FixedBytes or AbiKind.Bytes => Hex.Decode(json.GetString()!),
        AbiKind.Array => json.EnumerateArray().Select(e => ToValue(type.Element!, e)).ToList(),
        _ => json.GetString(),
    };

    /// <summary>One text form for a JSON value or a decoded .NET value, so the two compare directly.</summary>
    public static string Canonical(AbiType type, object? value) => (type.Kind, value) switch
    {
        (_, JsonElement json) => Canonical(type, ToValue(type, json)),
        (AbiKind.Array, System.Collections.IEnumerable items) =>
            "[" + string.Join(",", items.Cast<object?>().Select(i => Canonical(type.Element!, i))) + "]",
        (_, byte[] bytes) => Hex.Encode(bytes),
        (_, BigInteger number) => number.ToString(CultureInfo.InvariantCulture),
        (_, bool flag) => flag ? "true" : "false",
        _ => value?.ToString() ?? "null",
    };
}
