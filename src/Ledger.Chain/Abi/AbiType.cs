using System.Globalization;

namespace Ledger.Chain.Abi;

/// <summary>The kinds of Solidity ABI types this encoder handles (no tuples: LedgerAnchor needs none).</summary>
public enum AbiKind
{
    /// <summary>uint8 … uint256.</summary>
    UInt,
    /// <summary>int8 … int256, two's complement.</summary>
    Int,
    /// <summary>A 20-byte address.</summary>
    Address,
    /// <summary>true or false.</summary>
    Bool,
    /// <summary>bytes1 … bytes32.</summary>
    FixedBytes,
    /// <summary>Dynamic bytes.</summary>
    Bytes,
    /// <summary>Dynamic UTF-8 string.</summary>
    String,
    /// <summary>T[] or T[k].</summary>
    Array,
}

/// <summary>A parsed Solidity ABI type such as <c>uint64</c>, <c>bytes32[]</c> or <c>address[2]</c>.</summary>
/// <param name="Kind">What the type is.</param>
/// <param name="Size">Bits for integers, bytes for fixed bytes, 0 otherwise.</param>
/// <param name="Element">The element type of an array.</param>
/// <param name="Length">The length of a fixed-size array; null for T[].</param>
public sealed record AbiType(AbiKind Kind, int Size = 0, AbiType? Element = null, int? Length = null)
{
    /// <summary>The canonical name used in signatures (e.g. <c>uint256</c>, never <c>uint</c>).</summary>
    public string CanonicalName => Kind switch
    {
        AbiKind.UInt => $"uint{Size}",
        AbiKind.Int => $"int{Size}",
        AbiKind.Address => "address",
        AbiKind.Bool => "bool",
        AbiKind.FixedBytes => $"bytes{Size}",
        AbiKind.Bytes => "bytes",
        AbiKind.String => "string",
        _ => $"{Element!.CanonicalName}[{Length?.ToString(CultureInfo.InvariantCulture)}]",
    };

    /// <summary>True when the value lives in the tail and the head holds an offset.</summary>
    public bool IsDynamic => Kind is AbiKind.Bytes or AbiKind.String
        || (Kind == AbiKind.Array && (Length is null || Element!.IsDynamic));

    /// <summary>Bytes the type occupies in the head: 32, or the whole inline encoding of a static fixed array.</summary>
    public int HeadSize => Kind == AbiKind.Array && !IsDynamic ? Length!.Value * Element!.HeadSize : 32;

    /// <inheritdoc/>
    public override string ToString() => CanonicalName;

    /// <summary>Parses a type name; <c>uint</c> and <c>int</c> mean their 256-bit forms.</summary>
    public static AbiType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = name.Trim();
        if (name.EndsWith(']'))
        {
            var open = name.LastIndexOf('[');
            if (open <= 0)
            {
                throw new FormatException($"Malformed ABI array type '{name}'.");
            }
            var element = Parse(name[..open]);
            var lengthText = name[(open + 1)..^1];
            if (lengthText.Length == 0)
            {
                return new AbiType(AbiKind.Array, Element: element);
            }
            if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= 0)
            {
                throw new FormatException($"Malformed ABI array length in '{name}'.");
            }
            return new AbiType(AbiKind.Array, Element: element, Length: length);
        }
        return name switch
        {
            "address" => new AbiType(AbiKind.Address),
            "bool" => new AbiType(AbiKind.Bool),
            "bytes" => new AbiType(AbiKind.Bytes),
            "string" => new AbiType(AbiKind.String),
            "uint" => new AbiType(AbiKind.UInt, 256),
            "int" => new AbiType(AbiKind.Int, 256),
            _ when name.StartsWith("uint", StringComparison.Ordinal) => Sized(AbiKind.UInt, name, 4, 8, 256, 8),
            _ when name.StartsWith("int", StringComparison.Ordinal) => Sized(AbiKind.Int, name, 3, 8, 256, 8),
            _ when name.StartsWith("bytes", StringComparison.Ordinal) => Sized(AbiKind.FixedBytes, name, 5, 1, 32, 1),
            _ => throw new FormatException($"Unsupported ABI type '{name}'."),
        };
    }

    private static AbiType Sized(AbiKind kind, string name, int prefix, int min, int max, int step)
    {
        if (!int.TryParse(name.AsSpan(prefix), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || size < min || size > max || size % step != 0 || name[prefix] == '0')
        {
            throw new FormatException($"Unsupported ABI type '{name}'.");
        }
        return new AbiType(kind, size);
    }
}
