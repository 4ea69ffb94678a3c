namespace Ledger.Core.Encoding;

/// <summary>Lower-case, 0x-prefixed hexadecimal: the one text form of bytes at every boundary.</summary>
public static class Hex
{
    /// <summary>Encodes bytes as lower-case hex with a 0x prefix.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex with or without a 0x prefix; throws <see cref="FormatException"/> on odd length or bad digits.</summary>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (digits.Length % 2 != 0)
        {
            throw new FormatException("Hex text must have an even number of digits.");
        }
        return Convert.FromHexString(digits);
    }

    /// <summary>Decodes exactly <paramref name="length"/> bytes (e.g. 32 for a hash, 20 for an address).</summary>
    public static byte[] DecodeFixed(string hex, int length)
    {
        var bytes = Decode(hex);
        if (bytes.Length != length)
        {
            throw new FormatException($"Expected {length} bytes of hex, got {bytes.Length}.");
        }
        return bytes;
    }

    /// <summary>True when <paramref name="hex"/> is 0x followed by exactly <paramref name="length"/> bytes of hex.</summary>
    public static bool IsFixed(string? hex, int length)
    {
        if (hex is null || hex.Length != 2 + 2 * length || !hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        foreach (var c in hex.AsSpan(2))
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
