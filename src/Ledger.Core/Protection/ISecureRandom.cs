namespace Ledger.Core.Protection;

/// <summary>Where keys and nonces get their randomness; a seam so tests can be deterministic.</summary>
/// <remarks>Production code must use <see cref="SystemSecureRandom"/>: a predictable nonce or key breaks AES-GCM.</remarks>
public interface ISecureRandom
{
    /// <summary>Fills <paramref name="destination"/> with cryptographically strong random bytes.</summary>
    void Fill(Span<byte> destination);
}
