namespace Ledger.Chain;

/// <summary>Public-key recovery from a secp256k1 signature, through libsecp256k1 (<see cref="Secp256k1Backend"/>).</summary>
/// <remarks>Nethereum's own recovery (<c>EthECKey.RecoverFromSignature</c>) runs on BouncyCastle's generic EC code and is
/// several times slower; issuer signatures are recovered for every record shown or verified.</remarks>
public static class EcdsaRecovery
{
    /// <summary>The address that made <paramref name="signature"/> over <paramref name="hash32"/>, or null when it recovers to no key.</summary>
    /// <remarks>It accepts r and s anywhere in [1, n): callers that need the canonical low-s form check it themselves.</remarks>
    public static string? TryRecoverAddress(ReadOnlySpan<byte> hash32, EcdsaSignature signature)
    {
        if (hash32.Length != 32 || signature.R is not { Length: 32 } || signature.S is not { Length: 32 } || signature.YParity > 1)
        {
            return null;
        }
        Span<byte> compact = stackalloc byte[64];
        signature.R.CopyTo(compact);
        signature.S.CopyTo(compact[32..]);
        Span<byte> uncompressed = stackalloc byte[65];
        if (!Secp256k1Backend.TryRecover(hash32, compact, signature.YParity, uncompressed))
        {
            return null;
        }
        return EthereumAddress.FromPublicKey(uncompressed[1..]);
    }

    /// <summary>As <see cref="TryRecoverAddress"/>, throwing when the signature recovers to no key.</summary>
    /// <exception cref="ArgumentException">The signature does not recover to a public key.</exception>
    public static string RecoverAddress(ReadOnlySpan<byte> hash32, EcdsaSignature signature) =>
        TryRecoverAddress(hash32, signature) ?? throw new ArgumentException("The signature does not recover to a public key.", nameof(signature));
}
