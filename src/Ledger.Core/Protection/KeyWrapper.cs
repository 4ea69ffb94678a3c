using System.Security.Cryptography;

namespace Ledger.Core.Protection;

/// <summary>Wraps data keys under a master key with AES-256-GCM, and unwraps them.</summary>
/// <remarks>
/// <para>Wrapped key, format version 1 (L = key id length, 71 + L bytes in all):</para>
/// <code>
/// offset   size  field
/// 0        1     kind 0x4B ('K')
/// 1        1     version 0x01
/// 2        8     master key id (MasterKey.Id as bytes)
/// 10       1     L, key id length (1..128)
/// 11       L     key id, printable ASCII
/// 11+L     12    AES-GCM nonce, random
/// 23+L     32    data key, encrypted
/// 55+L     16    AES-GCM tag
/// </code>
/// <para>
/// The header (bytes 0 to 11+L) is the GCM associated data, so the version, the master key id and the key id cannot be
/// changed or swapped between rows without failing authentication. AES-GCM rather than AES-KW (RFC 3394): AES-KW has no
/// associated data to bind the key id, and one primitive for keys and payloads is one thing to review. Random 96-bit
/// nonces stay safe under one master key up to about 2³² wraps, far beyond one key per subject.
/// </para>
/// </remarks>
public sealed class KeyWrapper(ISecureRandom random)
{
    private const string What = "wrapped data key";
    private const int NonceOffset = 11;
    private const int FixedSize = NonceOffset + ProtectionFormat.NonceSize + DataKey.Size + ProtectionFormat.TagSize;

    private readonly ISecureRandom _random = random ?? throw new ArgumentNullException(nameof(random));

    /// <summary>A wrapper that draws nonces from the operating system's generator.</summary>
    public KeyWrapper()
        : this(SystemSecureRandom.Instance)
    {
    }

    /// <summary>Encrypts <paramref name="dataKey"/> under <paramref name="masterKey"/> into the version 1 format.</summary>
    public byte[] Wrap(DataKey dataKey, MasterKey masterKey)
    {
        ArgumentNullException.ThrowIfNull(dataKey);
        ArgumentNullException.ThrowIfNull(masterKey);
        var keyIdLength = dataKey.KeyId.Length;
        var wrapped = new byte[FixedSize + keyIdLength];
        wrapped[0] = ProtectionFormat.WrappedKeyKind;
        wrapped[1] = ProtectionFormat.Version1;
        masterKey.IdBytes.CopyTo(wrapped, 2);
        ProtectionFormat.WriteKeyId(wrapped.AsSpan(10), dataKey.KeyId);
        var header = wrapped.AsSpan(0, NonceOffset + keyIdLength);
        var nonce = wrapped.AsSpan(header.Length, ProtectionFormat.NonceSize);
        var encrypted = wrapped.AsSpan(header.Length + ProtectionFormat.NonceSize, DataKey.Size);
        var tag = wrapped.AsSpan(wrapped.Length - ProtectionFormat.TagSize);
        _random.Fill(nonce);
        using var aes = new AesGcm(masterKey.Material, ProtectionFormat.TagSize);
        aes.Encrypt(nonce, dataKey.Material, encrypted, tag, header);
        return wrapped;
    }

    /// <summary>Decrypts a wrapped data key. The caller owns the result and should dispose it when done.</summary>
    /// <exception cref="ProtectionFormatException">Not a version 1 wrapped key, or truncated.</exception>
    /// <exception cref="KeyUnavailableException">Wrapped under another master key, or corrupt.</exception>
    public static DataKey Unwrap(ReadOnlySpan<byte> wrapped, MasterKey masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        var info = Inspect(wrapped);
        if (!string.Equals(info.MasterKeyId, masterKey.Id, StringComparison.Ordinal))
        {
            throw new KeyUnavailableException(
                $"Data key '{info.KeyId}' is wrapped under master key {info.MasterKeyId}, not under {masterKey.Id}.");
        }
        var headerLength = NonceOffset + info.KeyId.Length;
        var nonce = wrapped.Slice(headerLength, ProtectionFormat.NonceSize);
        var encrypted = wrapped.Slice(headerLength + ProtectionFormat.NonceSize, DataKey.Size);
        var tag = wrapped[^ProtectionFormat.TagSize..];
        Span<byte> key = stackalloc byte[DataKey.Size];
        try
        {
            using var aes = new AesGcm(masterKey.Material, ProtectionFormat.TagSize);
            aes.Decrypt(nonce, encrypted, tag, key, wrapped[..headerLength]);
            return DataKey.FromUnwrapped(info.KeyId, key);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new KeyUnavailableException(
                $"Data key '{info.KeyId}' failed authentication under master key {masterKey.Id}: the wrapped key is corrupt.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Reads the header of a wrapped key (no key needed), e.g. to pick the master key that opens it.</summary>
    /// <exception cref="ProtectionFormatException">Not a version 1 wrapped key, or truncated.</exception>
    public static WrappedKeyInfo Inspect(ReadOnlySpan<byte> wrapped)
    {
        ProtectionFormat.ReadPrefix(wrapped, ProtectionFormat.WrappedKeyKind, What);
        if (wrapped.Length < 10)
        {
            throw new ProtectionFormatException($"The {What} is truncated inside its master key id.");
        }
        var masterKeyId = Convert.ToHexStringLower(wrapped.Slice(2, ProtectionFormat.MasterKeyIdSize));
        var offset = 10;
        var keyId = ProtectionFormat.ReadKeyId(wrapped, ref offset, What);
        if (wrapped.Length != FixedSize + keyId.Length)
        {
            throw new ProtectionFormatException(
                $"The {What} is {wrapped.Length} bytes; with key id '{keyId}' it must be {FixedSize + keyId.Length}.");
        }
        return new WrappedKeyInfo(ProtectionFormat.Version1, masterKeyId, keyId);
    }
}
