using System.Security.Cryptography;

namespace Ledger.Core.Protection;

/// <summary>
/// A sealed payload failed AES-GCM authentication: its bytes were altered, it was moved to another record (different
/// associated data), or it is being opened with a different data key.
/// </summary>
public sealed class PayloadAuthenticationException : CryptographicException
{
    /// <summary>Creates the exception with a message that names no secret.</summary>
    public PayloadAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception around the primitive's own failure.</summary>
    public PayloadAuthenticationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
