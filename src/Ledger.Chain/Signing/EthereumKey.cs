using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Ledger.Core.Encoding;

namespace Ledger.Chain;

/// <summary>An in-process secp256k1 private key that signs Ethereum transactions.</summary>
/// <remarks>The key never appears in messages or <see cref="ToString"/>; only <see cref="ExportPrivateKey"/> reveals it.</remarks>
public sealed class EthereumKey : ITransactionSigner
{
    private readonly BigInteger _d;
    private readonly byte[] _publicKey;

    private EthereumKey(BigInteger d)
    {
        _d = d;
        _publicKey = Secp256k1.Uncompressed(Secp256k1.Domain.G.Multiply(d));
        Address = EthereumAddress.FromPublicKey(_publicKey);
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
        var d = new BigInteger(1, key);
        if (d.SignValue == 0 || d.CompareTo(Secp256k1.N) >= 0)
        {
            throw new FormatException("A private key must be between 1 and the secp256k1 group order.");
        }
        return new EthereumKey(d);
    }

    /// <summary>Generates a fresh key from the operating system's cryptographic random source.</summary>
    public static EthereumKey Generate()
    {
        var random = new SecureRandom();
        while (true)
        {
            var candidate = new byte[32];
            random.NextBytes(candidate);
            var d = new BigInteger(1, candidate);
            if (d.SignValue > 0 && d.CompareTo(Secp256k1.N) < 0)
            {
                return new EthereumKey(d);
            }
        }
    }

    /// <summary>The private key as 0x hex. Handle with care: whoever has it controls the account.</summary>
    public string ExportPrivateKey() => Hex.Encode(ToWord(_d));

    /// <inheritdoc/>
    public EcdsaSignature SignHash(byte[] hash32)
    {
        ArgumentNullException.ThrowIfNull(hash32);
        if (hash32.Length != 32)
        {
            throw new ArgumentException($"Expected a 32-byte hash, got {hash32.Length} bytes.", nameof(hash32));
        }
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, Secp256k1.PrivateKey(_d));
        var rs = signer.GenerateSignature(hash32);
        var r = rs[0];
        var s = rs[1];
        // Ethereum (EIP-2) rejects high-s signatures; (r, n − s) is the equally valid twin.
        if (s.CompareTo(Secp256k1.HalfN) > 0)
        {
            s = Secp256k1.N.Subtract(s);
        }
        for (var parity = 0; parity < 2; parity++)
        {
            var recovered = Secp256k1.RecoverPublicKey(hash32, r, s, parity);
            if (recovered is not null && Secp256k1.Uncompressed(recovered).AsSpan().SequenceEqual(_publicKey))
            {
                return new EcdsaSignature(ToWord(r), ToWord(s), (byte)parity);
            }
        }
        throw new InvalidOperationException("No recovery id reproduces the signing key; the signature is unusable.");
    }

    /// <summary>The address only, so logging a key by accident does not leak it.</summary>
    public override string ToString() => $"EthereumKey({Address})";

    private static byte[] ToWord(BigInteger value)
    {
        var bytes = value.ToByteArrayUnsigned();
        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }
}
