using Ledger.Core.Encoding;
using NBitcoin.Secp256k1;
using Nethereum.Signer;

namespace Ledger.Chain;

/// <summary>An in-process secp256k1 private key that signs Ethereum transactions and issuer signatures.</summary>
/// <remarks>
/// Signing goes straight to libsecp256k1 (the C library where it loads, else NBitcoin.Secp256k1, the C# port Nethereum
/// ships: <see cref="Secp256k1Backend"/>): RFC 6979 nonces and low s, the same bytes as ethers, many times the speed of
/// Nethereum's default BouncyCastle path, and no process-wide switch to flip. The key never appears in
/// messages or <see cref="ToString"/>; only <see cref="ExportPrivateKey"/> reveals it.
/// </remarks>
public sealed class EthereumKey : ITransactionSigner
{
    private readonly ECPrivKey _key;
    private readonly byte[] _privateKey;

    private EthereumKey(byte[] privateKey, ECPrivKey key)
    {
        _privateKey = privateKey;
        _key = key;
        Span<byte> uncompressed = stackalloc byte[65];
        key.CreatePubKey().WriteToSpan(false, uncompressed, out _);
        Address = EthereumAddress.FromPublicKey(uncompressed[1..]);
    }

    /// <inheritdoc/>
    public string Address { get; }

    /// <summary>Reads a 32-byte private key written as hex (0x optional).</summary>
    public static EthereumKey FromPrivateKey(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        byte[] bytes;
        try
        {
            bytes = Hex.Decode(hex.Trim());
        }
        catch (FormatException)
        {
            // Do not echo the text: it may be a real key with a typo.
            throw new FormatException("A private key must be 64 hex digits (0x optional).");
        }
        return FromPrivateKey(bytes);
    }

    /// <summary>Reads a 32-byte big-endian private key.</summary>
    public static EthereumKey FromPrivateKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32)
        {
            throw new FormatException($"A private key must be 32 bytes, got {key.Length}.");
        }
        // libsecp256k1 refuses zero and anything at or above the group order.
        if (!Context.Instance.TryCreateECPrivKey(key, out var parsed) || parsed is null)
        {
            throw new FormatException("A private key must be between 1 and the secp256k1 group order.");
        }
        return new EthereumKey([.. key], parsed);
    }

    /// <summary>Generates a fresh key from a cryptographic random source (Nethereum's, on BouncyCastle's SecureRandom).</summary>
    public static EthereumKey Generate() => FromPrivateKey(EthECKey.GenerateKey().GetPrivateKeyAsBytes());

    /// <summary>The private key as 0x hex. Handle with care: whoever has it controls the account.</summary>
    public string ExportPrivateKey() => Hex.Encode(_privateKey);

    /// <summary>The key as Nethereum models it, for Nethereum's own services (keystores).</summary>
    internal EthECKey ToEthECKey() => new(_privateKey, isPrivate: true);

    /// <inheritdoc/>
    public EcdsaSignature SignHash(byte[] hash32)
    {
        ArgumentNullException.ThrowIfNull(hash32);
        if (hash32.Length != 32)
        {
            throw new ArgumentException($"Expected a 32-byte hash, got {hash32.Length} bytes.", nameof(hash32));
        }
        Span<byte> compact = stackalloc byte[64];
        if (!Secp256k1Backend.TrySign(hash32, _privateKey, _key, compact, out var recoveryId))
        {
            throw new InvalidOperationException("libsecp256k1 could not sign the hash.");
        }
        return new EcdsaSignature(compact[..32].ToArray(), compact[32..].ToArray(), (byte)recoveryId);
    }

    /// <summary>The address only, so logging a key by accident does not leak it.</summary>
    public override string ToString() => $"EthereumKey({Address})";
}
