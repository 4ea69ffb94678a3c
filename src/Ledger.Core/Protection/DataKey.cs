using System.Security.Cryptography;

namespace Ledger.Core.Protection;

/// <summary>A per-subject AES-256 key that seals payloads; destroying its wrapped form crypto-shreds them.</summary>
/// <remarks>
/// The database keeps a data key only in wrapped form (<see cref="KeyWrapper"/>); a plain <see cref="DataKey"/> lives
/// for one operation and is disposed, which zeroes its pinned bytes. Erasing a subject means deleting the wrapped key:
/// every payload sealed under it becomes unreadable while the record hashes and proofs, which never depended on the
/// key, still verify. The key bytes never leave this assembly.
/// </remarks>
public sealed class DataKey : IDisposable
{
    /// <summary>Length of a data key in bytes.</summary>
    public const int Size = ProtectionFormat.KeySize;

    private readonly byte[] _key;
    private bool _disposed;

    private DataKey(string keyId, ReadOnlySpan<byte> key)
    {
        KeyId = keyId;
        _key = GC.AllocateArray<byte>(Size, pinned: true);
        key.CopyTo(_key);
    }

    /// <summary>
    /// Names the key wherever it is stored and is written in clear into every payload it seals: 1–128 printable ASCII
    /// characters. Use an opaque id (e.g. a random GUID mapped to the subject elsewhere), never a name, an identity
    /// number or a case reference: sealed payloads may outlive the key, and their headers must not identify anyone.
    /// </summary>
    public string KeyId { get; }

    /// <summary>Generates a fresh key named <paramref name="keyId"/> from <paramref name="random"/> (the OS generator by default).</summary>
    public static DataKey Generate(string keyId, ISecureRandom? random = null)
    {
        ProtectionFormat.EnsureValidKeyId(keyId, nameof(keyId));
        Span<byte> bytes = stackalloc byte[Size];
        try
        {
            (random ?? SystemSecureRandom.Instance).Fill(bytes);
            return new DataKey(keyId, bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The id only, so logging a key by accident does not leak it.</summary>
    public override string ToString() => $"DataKey({KeyId})";

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

    /// <summary>Rebuilds an unwrapped key; only <see cref="KeyWrapper"/> has the bytes to do so.</summary>
    internal static DataKey FromUnwrapped(string keyId, ReadOnlySpan<byte> key) => new(keyId, key);
}
