using System.Security.Cryptography;

namespace Ledger.Core.Records;

/// <summary>Salts from the operating system's cryptographic random number generator.</summary>
public sealed class CryptoSaltSource : ISaltSource
{
    /// <inheritdoc />
    public byte[] NewSalt() => RandomNumberGenerator.GetBytes(EnvelopeRules.SaltBytes);
}
