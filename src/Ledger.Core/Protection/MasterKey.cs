using System.Security.Cryptography;

namespace Ledger.Core.Protection;

/// <summary>The 32-byte AES-256 key that wraps every data key; it lives in configuration or a KMS, never in the database.</summary>
/// <remarks>
/// <see cref="Id"/> is a public fingerprint stored beside each wrapped key so rotation knows which master opens it.
/// The key bytes sit in a pinned array (the garbage collector cannot leave copies behind) and are zeroed on dispose;
/// they never appear in <see cref="ToString"/> or in exception messages, and only <see cref="ExportHex"/> reveals them.
/// </remarks>
public sealed class MasterKey : IDisposable
{
    /// <summary>Length of a master key in bytes.</summary>
    public const int Size = ProtectionFormat.KeySize;

    // Domain separation: this hash must never equal a hash of the same bytes computed for another purpose.
    private static ReadOnlySpan<byte> IdPrefix => "ledger/master-key-id/v1\0"u8;

    private readonly byte[] _key;
    private bool _disposed;

    private MasterKey(ReadOnlySpan<byte> key)
    {
        _key = GC.AllocateArray<byte>(Size, pinned: true);
        key.CopyTo(_key);
        IdBytes = ComputeId(_key);
        Id = Convert.ToHexStringLower(IdBytes);
    }

    /// <summary>The fingerprint: the first 8 bytes of SHA-256("ledger/master-key-id/v1\0" ‖ key), as 16 lower-case hex digits.</summary>
    public string Id { get; }

    internal byte[] IdBytes { get; }

    /// <summary>Takes a copy of 32 key bytes; the caller should zero its own copy.</summary>
    /// <exception cref="FormatException">Not 32 bytes, or all zero (an unset placeholder, not a key).</exception>
    public static MasterKey FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length != Size)
        {
            throw new FormatException($"A master key must be {Size} bytes, got {key.Length}.");
        }
        if (!key.ContainsAnyExcept((byte)0))
        {
            throw new FormatException("A master key of all zero bytes is a placeholder, not a key.");
        }
        return new MasterKey(key);
    }

    /// <summary>Reads a key written as 64 hex digits (0x optional) or as 44 characters of standard base64.</summary>
    /// <remarks>The two forms cannot be confused: 64 characters of base64 would be 48 bytes. Surrounding whitespace is ignored.</remarks>
    /// <exception cref="FormatException">The text is neither form; the message never repeats the text.</exception>
    public static MasterKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[2..];
        }
        var bytes = GC.AllocateArray<byte>(Size, pinned: true);
        try
        {
            // Do not echo the text in any message: it may be a real key with a typo.
            if (!TryDecode(trimmed, bytes))
            {
                throw new FormatException(
                    $"A master key must be {2 * Size} hex digits (0x optional) or {Size} bytes of base64 (44 characters).");
            }
            return FromBytes(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Generates a fresh key from <paramref name="random"/> (the operating system's generator by default).</summary>
    public static MasterKey Generate(ISecureRandom? random = null)
    {
        var bytes = GC.AllocateArray<byte>(Size, pinned: true);
        try
        {
            do
            {
                (random ?? SystemSecureRandom.Instance).Fill(bytes);
            }
            while (!bytes.AsSpan().ContainsAnyExcept((byte)0));
            return new MasterKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The key as 0x hex, for an operator to store in a secret manager. Whoever has it can read every payload.</summary>
    public string ExportHex() => "0x" + Convert.ToHexStringLower(Material);

    /// <summary>The id only, so logging a key by accident does not leak it.</summary>
    public override string ToString() => $"MasterKey({Id})";

    /// <summary>Zeroes the key bytes; later use throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_key);
        _disposed = true;
    }

    internal ReadOnlySpan<byte> Material
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _key;
        }
    }

    private static byte[] ComputeId(ReadOnlySpan<byte> key)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(IdPrefix);
        sha.AppendData(key);
        Span<byte> digest = stackalloc byte[32];
        sha.GetHashAndReset(digest);
        return digest[..ProtectionFormat.MasterKeyIdSize].ToArray();
    }

    private static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length == 2 * Size)
        {
            return Convert.FromHexString(text, destination, out _, out var written) == System.Buffers.OperationStatus.Done
                && written == Size;
        }
        return text.Length == 44 && Convert.TryFromBase64Chars(text, destination, out var length) && length == Size;
    }
}
