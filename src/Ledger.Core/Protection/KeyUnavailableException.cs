using System.Security.Cryptography;

namespace Ledger.Core.Protection;

/// <summary>A data key cannot be unwrapped: the master key is wrong or missing, or the wrapped key is corrupt.</summary>
/// <remarks>Messages name master key ids (public fingerprints), never key material.</remarks>
public sealed class KeyUnavailableException : CryptographicException
{
    /// <summary>Creates the exception with a message that names no secret.</summary>
    public KeyUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception around the primitive's own failure.</summary>
    public KeyUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
