using System.Numerics;
using System.Text;

namespace Ledger.Chain.Abi;

/// <summary>
/// Strict Solidity ABI decoding: integers come back as <see cref="BigInteger"/>, addresses as EIP-55 text, bytes as
/// <c>byte[]</c>, arrays as <c>object?[]</c>. Dirty padding and out-of-range offsets are errors, not guesses.
/// </summary>
public static class AbiDecoder
{
    /// <summary>Decodes <paramref name="data"/> as the tuple of <paramref name="types"/>.</summary>
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        return DecodeTuple(types, data);
    }

    /// <summary>Decodes using type names, e.g. <c>Decode(data, "bytes32", "uint256")</c>.</summary>
    public static object?[] Decode(ReadOnlySpan<byte> data, params string[] types) =>
        Decode([.. types.Select(AbiType.Parse)], data);

    private static object?[] DecodeTuple(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        var values = new object?[types.Count];
        var head = 0;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            if (type.IsDynamic)
            {
                var offset = ReadLength(data, head, "offset");
                values[i] = DecodeValue(type, data[offset..]);
            }
            else
            {
                values[i] = DecodeValue(type, Slice(data, head, type.HeadSize));
            }
            head += type.HeadSize;
        }
        return values;
    }

    private static object? DecodeValue(AbiType type, ReadOnlySpan<byte> data)
    {
        switch (type.Kind)
        {
            case AbiKind.UInt or AbiKind.Int:
                return DecodeInteger(type, Slice(data, 0, 32));
            case AbiKind.Address:
                var word = Slice(data, 0, 32);
                RequireZero(word[..12], type);
                return EthereumAddress.ToChecksum(word[12..]);
            case AbiKind.Bool:
                var flag = DecodeInteger(new AbiType(AbiKind.UInt, 8), Slice(data, 0, 32));
                return flag <= 1 ? !flag.IsZero : throw new FormatException("ABI bool word is neither 0 nor 1.");
            case AbiKind.FixedBytes:
                var padded = Slice(data, 0, 32);
                RequireZero(padded[type.Size..], type);
                return padded[..type.Size].ToArray();
            case AbiKind.Bytes:
                return ReadDynamicBytes(data, type);
            case AbiKind.String:
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(ReadDynamicBytes(data, type));
            default:
                var count = type.Length ?? ReadLength(data, 0, "array length");
                var body = type.Length is null ? data[32..] : data;
                if (count > body.Length / 32)
                {
                    // Every element takes at least one 32-byte head word, so this bounds allocation on hostile input.
                    throw new FormatException($"ABI {type} declares {count} elements but the data is too short.");
                }
                return DecodeTuple([.. Enumerable.Repeat(type.Element!, count)], body);
        }
    }

    private static BigInteger DecodeInteger(AbiType type, ReadOnlySpan<byte> word)
    {
        var raw = new BigInteger(word, isUnsigned: true, isBigEndian: true);
        if (type.Kind == AbiKind.UInt)
        {
            return raw < BigInteger.One << type.Size ? raw : throw new FormatException($"ABI value does not fit in {type}.");
        }
        var value = raw >= BigInteger.One << 255 ? raw - (BigInteger.One << 256) : raw;
        var limit = BigInteger.One << (type.Size - 1);
        return value >= -limit && value < limit ? value : throw new FormatException($"ABI value does not fit in {type}.");
    }

    private static byte[] ReadDynamicBytes(ReadOnlySpan<byte> data, AbiType type)
    {
        var length = ReadLength(data, 0, $"{type} length");
        var padded = (length + 31) / 32 * 32;
        var content = Slice(data, 32, padded);
        RequireZero(content[length..], type);
        return content[..length].ToArray();
    }

    private static int ReadLength(ReadOnlySpan<byte> data, int position, string what)
    {
        var value = new BigInteger(Slice(data, position, 32), isUnsigned: true, isBigEndian: true);
        if (value > data.Length)
        {
            throw new FormatException($"ABI {what} {value} points past the end of {data.Length} bytes.");
        }
        return (int)value;
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data, int start, int length) =>
        start >= 0 && length >= 0 && start <= data.Length - length
            ? data.Slice(start, length)
            : throw new FormatException($"ABI data too short: needed {length} bytes at {start}, have {data.Length}.");

    private static void RequireZero(ReadOnlySpan<byte> padding, AbiType type)
    {
        if (padding.ContainsAnyExcept((byte)0))
        {
            throw new FormatException($"ABI {type} has non-zero padding.");
        }
    }
}
