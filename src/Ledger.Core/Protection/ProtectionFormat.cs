namespace Ledger.Core.Protection;

/// <summary>Constants and header parsing shared by the wrapped-key and sealed-payload formats.</summary>
/// <remarks>
/// Both formats start with a kind byte and a version byte, so a payload handed to the key unwrapper (or the reverse)
/// fails with a clear message instead of a bare authentication error, and a future algorithm can take version 2.
/// </remarks>
internal static class ProtectionFormat
{
    /// <summary>'K': a data key wrapped under a master key.</summary>
    public const byte WrappedKeyKind = 0x4B;

    /// <summary>'P': a payload sealed under a data key.</summary>
    public const byte SealedPayloadKind = 0x50;

    /// <summary>Version 1: AES-256-GCM, 12-byte nonce, 16-byte tag, header authenticated as associated data.</summary>
    public const byte Version1 = 1;

    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int MasterKeyIdSize = 8;
    public const int MaxKeyIdLength = 128;

    /// <summary>Checks that <paramref name="keyId"/> is 1–128 printable ASCII characters (no spaces).</summary>
    /// <remarks>ASCII keeps the id's bytes unambiguous: no Unicode normalisation can make two ids look equal.</remarks>
    public static void EnsureValidKeyId(string keyId, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(keyId, parameterName);
        if (!IsValidKeyId(keyId))
        {
            throw new ArgumentException(
                $"A key id must be 1 to {MaxKeyIdLength} printable ASCII characters without spaces.", parameterName);
        }
    }

    public static bool IsValidKeyId(ReadOnlySpan<char> keyId)
    {
        if (keyId.Length is 0 or > MaxKeyIdLength)
        {
            return false;
        }
        foreach (var c in keyId)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Writes the key id as a length byte followed by its ASCII bytes; returns the bytes written.</summary>
    public static int WriteKeyId(Span<byte> destination, string keyId)
    {
        destination[0] = (byte)keyId.Length;
        for (var i = 0; i < keyId.Length; i++)
        {
            destination[1 + i] = (byte)keyId[i];
        }
        return 1 + keyId.Length;
    }

    /// <summary>Checks the kind and version bytes that open every protected blob.</summary>
    public static void ReadPrefix(ReadOnlySpan<byte> data, byte expectedKind, string what)
    {
        if (data.Length < 2)
        {
            throw new ProtectionFormatException($"The {what} is truncated: {data.Length} bytes.");
        }
        if (data[0] != expectedKind)
        {
            var actual = data[0] switch
            {
                WrappedKeyKind => "a wrapped data key",
                SealedPayloadKind => "a sealed payload",
                _ => $"unrecognised data (first byte 0x{data[0]:x2})",
            };
            throw new ProtectionFormatException($"Expected a {what} but found {actual}.");
        }
        if (data[1] != Version1)
        {
            throw new ProtectionFormatException(
                $"The {what} has format version {data[1]}; this build reads only version {Version1}.");
        }
    }

    /// <summary>Reads the length-prefixed key id at <paramref name="offset"/> and advances past it.</summary>
    public static string ReadKeyId(ReadOnlySpan<byte> data, ref int offset, string what)
    {
        if (data.Length <= offset)
        {
            throw new ProtectionFormatException($"The {what} is truncated before its key id.");
        }
        var length = data[offset];
        if (data.Length < offset + 1 + length)
        {
            throw new ProtectionFormatException($"The {what} is truncated inside its key id.");
        }
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)data[offset + 1 + i];
        }
        if (!IsValidKeyId(chars))
        {
            throw new ProtectionFormatException($"The {what} carries a malformed key id.");
        }
        offset += 1 + length;
        return new string(chars);
    }
}
