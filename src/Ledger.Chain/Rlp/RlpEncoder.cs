using System.Numerics;

namespace Ledger.Chain.Rlp;

/// <summary>Recursive Length Prefix encoding (Ethereum Yellow Paper, appendix B) of byte strings, integers and lists.</summary>
public static class RlpEncoder
{
    /// <summary>Encodes a byte string: a single byte below 0x80 stands for itself, anything else gets a length prefix.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < 0x80)
        {
            return [bytes[0]];
        }
        return Prefixed(0x80, bytes);
    }

    /// <summary>Encodes an unsigned integer as its minimal big-endian bytes (zero is the empty string).</summary>
    public static byte[] EncodeInteger(ulong value) => EncodeBytes(MinimalBigEndian(value));

    /// <summary>Encodes a non-negative integer as its minimal big-endian bytes (zero is the empty string).</summary>
    public static byte[] EncodeInteger(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "RLP integers cannot be negative.");
        }
        return EncodeBytes(value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true));
    }

    /// <summary>Encodes a list whose items are already RLP-encoded.</summary>
    public static byte[] EncodeList(params IEnumerable<byte[]> encodedItems)
    {
        ArgumentNullException.ThrowIfNull(encodedItems);
        using var payload = new MemoryStream();
        foreach (var item in encodedItems)
        {
            payload.Write(item);
        }
        return Prefixed(0xc0, payload.GetBuffer().AsSpan(0, (int)payload.Length));
    }

    /// <summary>The minimal big-endian form of <paramref name="value"/>: no leading zero bytes, empty for zero.</summary>
    public static byte[] MinimalBigEndian(ulong value)
    {
        var length = (64 - BitOperations.LeadingZeroCount(value) + 7) / 8;
        var bytes = new byte[length];
        for (var i = length - 1; i >= 0; i--, value >>= 8)
        {
            bytes[i] = (byte)value;
        }
        return bytes;
    }

    // Offset 0x80 marks strings, 0xc0 lists; payloads up to 55 bytes carry their length in the first byte,
    // longer ones carry the length of the length (offset + 55 + n) followed by the big-endian length.
    private static byte[] Prefixed(byte offset, ReadOnlySpan<byte> payload)
    {
        byte[] output;
        if (payload.Length <= 55)
        {
            output = new byte[1 + payload.Length];
            output[0] = (byte)(offset + payload.Length);
            payload.CopyTo(output.AsSpan(1));
            return output;
        }
        var length = MinimalBigEndian((ulong)payload.Length);
        output = new byte[1 + length.Length + payload.Length];
        output[0] = (byte)(offset + 55 + length.Length);
        length.CopyTo(output.AsSpan(1));
        payload.CopyTo(output.AsSpan(1 + length.Length));
        return output;
    }
}
