using System.Collections;
using System.Numerics;
using System.Text;

namespace Ledger.Chain.Abi;

/// <summary>
/// Solidity ABI encoding (head/tail layout). Values: integers as <see cref="BigInteger"/> (or any .NET integer),
/// addresses as 0x text or 20 bytes, bool, fixed and dynamic bytes as <c>byte[]</c>, string, arrays as any list.
/// </summary>
public static class AbiEncoder
{
    /// <summary>Encodes <paramref name="values"/> as the tuple of <paramref name="types"/> (function arguments, return data).</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
        {
            throw new ArgumentException($"Expected {types.Count} ABI values, got {values.Count}.", nameof(values));
        }
        using var output = new MemoryStream();
        EncodeTuple(types, values, output);
        return output.ToArray();
    }

    /// <summary>Encodes values given as (type name, value) pairs, e.g. <c>Encode(("address", a), ("uint64", 5UL))</c>.</summary>
    public static byte[] Encode(params (string Type, object? Value)[] arguments) =>
        Encode([.. arguments.Select(a => AbiType.Parse(a.Type))], [.. arguments.Select(a => a.Value)]);

    private static void EncodeTuple(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, Stream output)
    {
        var headSize = types.Sum(t => t.HeadSize);
        using var tail = new MemoryStream();
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].IsDynamic)
            {
                output.Write(Word(new BigInteger(headSize + tail.Length)));
                EncodeValue(types[i], values[i], tail);
            }
            else
            {
                EncodeValue(types[i], values[i], output);
            }
        }
        tail.Position = 0;
        tail.CopyTo(output);
    }

    private static void EncodeValue(AbiType type, object? value, Stream output)
    {
        switch (type.Kind)
        {
            case AbiKind.UInt or AbiKind.Int:
                output.Write(IntegerWord(type, AbiValues.ToBigInteger(value, type)));
                break;
            case AbiKind.Address:
                output.Write(LeftPad(AbiValues.ToAddressBytes(value)));
                break;
            case AbiKind.Bool:
                output.Write(Word(value is bool flag ? (flag ? 1 : 0) : throw AbiValues.Mismatch(type, value)));
                break;
            case AbiKind.FixedBytes:
                var fixedBytes = AbiValues.ToBytes(value, type);
                if (fixedBytes.Length != type.Size)
                {
                    throw new ArgumentException($"{type} needs exactly {type.Size} bytes, got {fixedBytes.Length}.");
                }
                output.Write(RightPad(fixedBytes));
                break;
            case AbiKind.Bytes:
                WriteDynamicBytes(AbiValues.ToBytes(value, type), output);
                break;
            case AbiKind.String:
                WriteDynamicBytes(Encoding.UTF8.GetBytes(value as string ?? throw AbiValues.Mismatch(type, value)), output);
                break;
            default:
                EncodeArray(type, value, output);
                break;
        }
    }

    private static void EncodeArray(AbiType type, object? value, Stream output)
    {
        if (value is not IList list || value is byte[] || value is string)
        {
            throw AbiValues.Mismatch(type, value);
        }
        if (type.Length is { } length && list.Count != length)
        {
            throw new ArgumentException($"{type} needs exactly {length} elements, got {list.Count}.");
        }
        if (type.Length is null)
        {
            output.Write(Word(list.Count));
        }
        var elements = list.Cast<object?>().ToList();
        EncodeTuple([.. Enumerable.Repeat(type.Element!, elements.Count)], elements, output);
    }

    private static void WriteDynamicBytes(byte[] bytes, Stream output)
    {
        output.Write(Word(bytes.Length));
        output.Write(bytes);
        var padding = (32 - bytes.Length % 32) % 32;
        output.Write(new byte[padding]);
    }

    private static byte[] IntegerWord(AbiType type, BigInteger value)
    {
        var bits = type.Size;
        var fits = type.Kind == AbiKind.UInt
            ? value.Sign >= 0 && value < BigInteger.One << bits
            : value >= -(BigInteger.One << (bits - 1)) && value < BigInteger.One << (bits - 1);
        if (!fits)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit in {type}.");
        }
        // Negative values are two's complement over the whole 256-bit word.
        return Word(value.Sign < 0 ? (BigInteger.One << 256) + value : value);
    }

    internal static byte[] Word(BigInteger value) => LeftPad(value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true));

    private static byte[] LeftPad(byte[] bytes)
    {
        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }

    private static byte[] RightPad(byte[] bytes)
    {
        var word = new byte[32];
        bytes.CopyTo(word, 0);
        return word;
    }
}
