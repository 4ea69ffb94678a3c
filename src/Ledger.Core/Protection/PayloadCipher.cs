using System.Security.Cryptography;

namespace Ledger.Core.Protection;

/// <summary>Seals record payloads under a data key with AES-256-GCM, bound to caller-supplied associated data.</summary>
/// <remarks>
/// <para>Sealed payload, format version 1 (L = key id length, n = plaintext length, 31 + L + n bytes in all):</para>
/// <code>
/// offset   size  field
/// 0        1     kind 0x50 ('P')
/// 1        1     version 0x01
/// 2        1     L, key id length (1..128)
/// 3        L     key id of the data key, printable ASCII
/// 3+L      12    AES-GCM nonce, random
/// 15+L     n     ciphertext
/// 15+L+n   16    AES-GCM tag
/// </code>
/// <para>
/// The GCM associated data is the header (bytes 0 to 3+L) followed by the caller's associated data. The header is
/// self-delimiting, so the concatenation is unambiguous. Pass something that names the row, such as the UTF-8 record
/// id: a ciphertext copied to another record then fails to open. The payload names its data key, not the master key,
/// so rotating the master key re-wraps data keys and never touches payloads.
/// </para>
/// </remarks>
public sealed class PayloadCipher(ISecureRandom random)
{
    private const string What = "sealed payload";
    private const int Overhead = 3 + ProtectionFormat.NonceSize + ProtectionFormat.TagSize;

    private readonly ISecureRandom _random = random ?? throw new ArgumentNullException(nameof(random));

    /// <summary>A cipher that draws nonces from the operating system's generator.</summary>
    public PayloadCipher()
        : this(SystemSecureRandom.Instance)
    {
    }

    /// <summary>Encrypts <paramref name="plaintext"/> under <paramref name="dataKey"/> into the version 1 format.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, DataKey dataKey, ReadOnlySpan<byte> associatedData)
    {
        ArgumentNullException.ThrowIfNull(dataKey);
        var headerLength = 2 + 1 + dataKey.KeyId.Length;
        var sealedPayload = new byte[Overhead + dataKey.KeyId.Length + plaintext.Length];
        sealedPayload[0] = ProtectionFormat.SealedPayloadKind;
        sealedPayload[1] = ProtectionFormat.Version1;
        ProtectionFormat.WriteKeyId(sealedPayload.AsSpan(2), dataKey.KeyId);
        var nonce = sealedPayload.AsSpan(headerLength, ProtectionFormat.NonceSize);
        var ciphertext = sealedPayload.AsSpan(headerLength + ProtectionFormat.NonceSize, plaintext.Length);
        var tag = sealedPayload.AsSpan(sealedPayload.Length - ProtectionFormat.TagSize);
        _random.Fill(nonce);
        var fullAssociatedData = Concat(sealedPayload.AsSpan(0, headerLength), associatedData);
        using var aes = new AesGcm(dataKey.Material, ProtectionFormat.TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, fullAssociatedData);
        return sealedPayload;
    }

    /// <summary>Decrypts a sealed payload with the data key it names and the associated data it was sealed with.</summary>
    /// <exception cref="ProtectionFormatException">Not a version 1 sealed payload, or truncated.</exception>
    /// <exception cref="KeyUnavailableException">The payload names a different data key than <paramref name="dataKey"/>.</exception>
    /// <exception cref="PayloadAuthenticationException">Altered bytes, different associated data, or a different key with the same id.</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> sealedPayload, DataKey dataKey, ReadOnlySpan<byte> associatedData)
    {
        ArgumentNullException.ThrowIfNull(dataKey);
        var info = Inspect(sealedPayload);
        if (!string.Equals(info.KeyId, dataKey.KeyId, StringComparison.Ordinal))
        {
            throw new KeyUnavailableException($"The payload is sealed under data key '{info.KeyId}', not '{dataKey.KeyId}'.");
        }
        var headerLength = 3 + info.KeyId.Length;
        var nonce = sealedPayload.Slice(headerLength, ProtectionFormat.NonceSize);
        var ciphertext = sealedPayload.Slice(headerLength + ProtectionFormat.NonceSize, info.PlaintextLength);
        var tag = sealedPayload[^ProtectionFormat.TagSize..];
        var plaintext = new byte[info.PlaintextLength];
        try
        {
            using var aes = new AesGcm(dataKey.Material, ProtectionFormat.TagSize);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, Concat(sealedPayload[..headerLength], associatedData));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new PayloadAuthenticationException(
                $"The payload sealed under data key '{info.KeyId}' failed authentication: it was altered, belongs to "
                + "another record, or the key is not the one that sealed it.", e);
        }
    }

    /// <summary>Reads the header of a sealed payload (no key needed), e.g. to fetch the data key that opens it.</summary>
    /// <exception cref="ProtectionFormatException">Not a version 1 sealed payload, or truncated.</exception>
    public static SealedPayloadInfo Inspect(ReadOnlySpan<byte> sealedPayload)
    {
        ProtectionFormat.ReadPrefix(sealedPayload, ProtectionFormat.SealedPayloadKind, What);
        var offset = 2;
        var keyId = ProtectionFormat.ReadKeyId(sealedPayload, ref offset, What);
        var plaintextLength = sealedPayload.Length - Overhead - keyId.Length;
        if (plaintextLength < 0)
        {
            throw new ProtectionFormatException($"The {What} is truncated: it is shorter than its nonce and tag.");
        }
        return new SealedPayloadInfo(ProtectionFormat.Version1, keyId, plaintextLength);
    }

    private static byte[] Concat(ReadOnlySpan<byte> header, ReadOnlySpan<byte> associatedData)
    {
        var all = new byte[header.Length + associatedData.Length];
        header.CopyTo(all);
        associatedData.CopyTo(all.AsSpan(header.Length));
        return all;
    }
}
