namespace Ledger.Chain.Rlp;

/// <summary>Decodes canonical RLP; rejects trailing bytes and non-minimal prefixes so a decode–encode round trip is exact.</summary>
public static class RlpDecoder
{
    /// <summary>Decodes one item that must span all of <paramref name="encoded"/>.</summary>
    public static RlpItem Decode(ReadOnlySpan<byte> encoded)
    {
        var item = DecodeItem(encoded, out var consumed);
        if (consumed != encoded.Length)
        {
            throw new FormatException($"RLP item ends at byte {consumed} but the input has {encoded.Length} bytes.");
        }
        return item;
    }

    private static RlpItem DecodeItem(ReadOnlySpan<byte> input, out int consumed)
    {
        if (input.IsEmpty)
        {
            throw new FormatException("RLP input ended where an item was expected.");
        }
        var first = input[0];
        if (first < 0x80)
        {
            consumed = 1;
            return new RlpString([first]);
        }
        var isList = first >= 0xc0;
        var shortLimit = isList ? 0xf7 : 0xb7;
        int headerLength, payloadLength;
        if (first <= shortLimit)
        {
            headerLength = 1;
            payloadLength = first - (isList ? 0xc0 : 0x80);
        }
        else
        {
            var lengthOfLength = first - shortLimit;
            headerLength = 1 + lengthOfLength;
            payloadLength = ReadLength(input, lengthOfLength);
        }
        if (input.Length - headerLength < payloadLength)
        {
            throw new FormatException($"RLP item declares {payloadLength} bytes but only {input.Length - headerLength} remain.");
        }
        var payload = input.Slice(headerLength, payloadLength);
        consumed = headerLength + payloadLength;
        if (!isList)
        {
            if (payloadLength == 1 && payload[0] < 0x80)
            {
                throw new FormatException("Non-canonical RLP: a single byte below 0x80 must encode itself.");
            }
            return new RlpString(payload.ToArray());
        }
        var items = new List<RlpItem>();
        while (!payload.IsEmpty)
        {
            items.Add(DecodeItem(payload, out var used));
            payload = payload[used..];
        }
        return new RlpList(items);
    }

    private static int ReadLength(ReadOnlySpan<byte> input, int lengthOfLength)
    {
        if (input.Length < 1 + lengthOfLength)
        {
            throw new FormatException("RLP input ended inside a length prefix.");
        }
        var lengthBytes = input.Slice(1, lengthOfLength);
        if (lengthBytes[0] == 0 || lengthOfLength > 4)
        {
            throw new FormatException("Non-canonical or oversized RLP length prefix.");
        }
        long length = 0;
        foreach (var b in lengthBytes)
        {
            length = (length << 8) | b;
        }
        if (length <= 55 || length > int.MaxValue)
        {
            throw new FormatException($"Non-canonical RLP: long form used for length {length}.");
        }
        return (int)length;
    }
}
