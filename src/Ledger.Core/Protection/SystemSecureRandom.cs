using System.Security.Cryptography;

namespace Ledger.Core.Protection;

/// <summary>Randomness from the operating system's cryptographic random number generator.</summary>
public sealed class SystemSecureRandom : ISecureRandom
{
    /// <summary>The shared instance; it holds no state.</summary>
    public static SystemSecureRandom Instance { get; } = new();

    /// <inheritdoc />
    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
