using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Ledger.Core.Encoding;
using Ledger.Core.Hashing;

namespace Ledger.Chain.Attestation;

/// <summary>An issuer's EIP-191 <c>personal_sign</c> signature over a record hash, checkable with any Ethereum tool.</summary>
/// <remarks>
/// <para>
/// The signed message is the 32 raw bytes of the record hash, so the digest is
/// keccak256("\x19Ethereum Signed Message:\n32" ‖ recordHash), and ethers' <c>verifyMessage(getBytes(recordHash), sig)</c>
/// returns the issuer's address. The signature is 65 bytes r ‖ s ‖ v as 0x hex, with v = 27 + y parity and s in the lower
/// half of the group order (EIP-2), exactly what <c>Wallet.signMessage</c> produces; RFC 6979 makes it deterministic.
/// </para>
/// <para>
/// The same scheme verifies a staff member's pre-signature: pass their registered address as the expected address.
/// The prefix keeps these signatures apart from transaction signatures made by the same kind of key, which sign a bare
/// keccak of RLP.
/// </para>
/// <para>
/// Errors: a signature is untrusted input, so <see cref="Verify"/> and <see cref="TryRecover"/> answer false for any
/// malformed or non-canonical signature (bad hex, wrong length, v not 27 or 28, r or s out of range, high s) and never
/// throw for it; <see cref="Recover"/> throws <see cref="FormatException"/> for the same cases. A record hash that is
/// not 32 bytes, or an expected address that is not an address, is the caller's bug and throws.
/// </para>
/// <para>
/// The EIP-191 digest is the one Nethereum's <c>EthereumMessageSigner.HashPrefixedMessage</c> computes; signing and recovery run on
/// libsecp256k1. The canonical-form checks are ours: Nethereum's <c>EcRecover</c> also accepts the high-s twin and
/// other v spellings, which would give one record several valid signatures.
/// </para>
/// </remarks>
public static class IssuerSignature
{
    /// <summary>Length of a signature in bytes (r ‖ s ‖ v).</summary>
    public const int Size = 65;

    // The secp256k1 group order n and n / 2: s above n / 2 is the non-canonical twin (EIP-2).
    private static readonly BigInteger N = BigInteger.Parse(
        "0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", System.Globalization.NumberStyles.HexNumber);

    private static readonly BigInteger HalfN = N / 2;

    // EIP-191 version 0x45 for a 32-byte message; Keccak256's span API is faster than Nethereum's HashPrefixedMessage
    // and gives the same digest (IssuerSignatureConformanceTests compare it with ethers' hashMessage).
    private static readonly byte[] MessagePrefix = "\u0019Ethereum Signed Message:\n32"u8.ToArray();

    /// <summary>The digest that is actually signed: keccak256 of the EIP-191 prefix and the 32 raw hash bytes.</summary>
    /// <remarks>Equals ethers' <c>hashMessage(getBytes(recordHash))</c>.</remarks>
    public static byte[] MessageHash(ReadOnlySpan<byte> recordHash)
    {
        EnsureRecordHash(recordHash);
        return Keccak256.Hash(MessagePrefix, recordHash);
    }

    /// <summary>Signs <paramref name="recordHash"/> and returns "0x" + 130 hex digits (r ‖ s ‖ v, v = 27 or 28).</summary>
    /// <exception cref="InvalidOperationException">The signer returned a signature that does not verify for its own
    /// address, or a high-s one: a faulty signer (for example an HSM adapter) must not put bad signatures on record.</exception>
    public static string Sign(ITransactionSigner signer, ReadOnlySpan<byte> recordHash)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var signature = signer.SignHash(MessageHash(recordHash));
        if (signature.R is not { Length: 32 } || signature.S is not { Length: 32 } || signature.YParity > 1)
        {
            throw new InvalidOperationException($"Signer {signer.Address} returned a signature of the wrong shape.");
        }
        var encoded = new byte[Size];
        signature.R.CopyTo(encoded, 0);
        signature.S.CopyTo(encoded, 32);
        encoded[64] = (byte)(27 + signature.YParity);
        var text = Hex.Encode(encoded);
        // Low s is checked for every signer: a byte comparison. The recovery (a few times the cost of the signature
        // itself) only for signers we did not write: our own EthereumKey signs with libsecp256k1's recoverable
        // signing, which hands back the recovery id it used, so its signature is its own by construction
        // (IssuerSignatureConformanceTests recover them for many hashes and compare).
        if (!IsLowS(signature.S) || (signer is not EthereumKey && !Verify(recordHash, text, signer.Address)))
        {
            throw new InvalidOperationException(
                $"Signer {signer.Address} returned a signature that does not verify as its own low-s signature.");
        }
        return text;
    }

    /// <summary>The EIP-55 address that signed <paramref name="recordHash"/>.</summary>
    /// <exception cref="FormatException">The signature is malformed or non-canonical, or recovers to no key.</exception>
    public static string Recover(ReadOnlySpan<byte> recordHash, string signatureHex)
    {
        ArgumentNullException.ThrowIfNull(signatureHex);
        return TryRecover(recordHash, signatureHex, out var address)
            ? address
            : throw new FormatException(
                "A record signature must be 65 bytes of hex (r ‖ s ‖ v) with v 27 or 28, r and s in range, s in the lower half, "
                + "and must recover to a public key.");
    }

    /// <summary>As <see cref="Recover"/>, answering false instead of throwing for a bad signature.</summary>
    public static bool TryRecover(ReadOnlySpan<byte> recordHash, string? signatureHex, [NotNullWhen(true)] out string? address)
    {
        var digest = MessageHash(recordHash);
        address = null;
        if (!TryDecode(signatureHex, out var signature))
        {
            return false;
        }
        address = EcdsaRecovery.TryRecoverAddress(digest, signature);
        return address is not null;
    }

    /// <summary>True when <paramref name="signatureHex"/> is a canonical signature over <paramref name="recordHash"/> by
    /// <paramref name="expectedAddress"/> (compared case-insensitively).</summary>
    /// <exception cref="FormatException"><paramref name="expectedAddress"/> is not an address.</exception>
    public static bool Verify(ReadOnlySpan<byte> recordHash, string? signatureHex, string expectedAddress)
    {
        ArgumentNullException.ThrowIfNull(expectedAddress);
        var expected = EthereumAddress.Parse(expectedAddress);
        return TryRecover(recordHash, signatureHex, out var recovered)
            && EthereumAddress.Parse(recovered).AsSpan().SequenceEqual(expected);
    }

    // s ≤ n / 2, big-endian and unsigned, without allocating.
    private static bool IsLowS(ReadOnlySpan<byte> s) => s.SequenceCompareTo(HalfNBytes) <= 0 && s.ContainsAnyExcept((byte)0);

    private static readonly byte[] HalfNBytes = HalfN.ToByteArray(isUnsigned: true, isBigEndian: true);

    /// <summary>Splits 0x-optional hex into r, s and the y parity, enforcing range, v ∈ {27, 28} and low s.</summary>
    private static bool TryDecode(string? signatureHex, out EcdsaSignature signature)
    {
        signature = default;
        if (signatureHex is null)
        {
            return false;
        }
        var digits = signatureHex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? signatureHex.AsSpan(2) : signatureHex;
        Span<byte> bytes = stackalloc byte[Size];
        if (digits.Length != 2 * Size
            || Convert.FromHexString(digits, bytes, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != Size)
        {
            return false;
        }
        // Only 27 and 28: 0/1 and EIP-155 values are other conventions, and accepting them would make one signature
        // have several spellings.
        if (bytes[64] is not (27 or 28))
        {
            return false;
        }
        var r = new BigInteger(bytes[..32], isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(bytes[32..64], isUnsigned: true, isBigEndian: true);
        signature = new EcdsaSignature(bytes[..32].ToArray(), bytes[32..64].ToArray(), (byte)(bytes[64] - 27));
        // (r, n − s) with the other parity is an equally valid twin; EIP-2 keeps only the low one so each record
        // signature has exactly one form.
        return r.Sign > 0 && r < N && s.Sign > 0 && s <= HalfN;
    }

    private static void EnsureRecordHash(ReadOnlySpan<byte> recordHash)
    {
        if (recordHash.Length != Keccak256.Size)
        {
            throw new ArgumentException($"A record hash is {Keccak256.Size} bytes, got {recordHash.Length}.", nameof(recordHash));
        }
    }
}
