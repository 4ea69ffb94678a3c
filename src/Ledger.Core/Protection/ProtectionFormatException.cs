using System.Security.Cryptography;

namespace Ledger.Core.Protection;

/// <summary>
/// Bytes are not a wrapped data key or sealed payload this build can read: wrong kind, unknown version, truncated,
/// or a malformed key id.
/// </summary>
public sealed class ProtectionFormatException : CryptographicException
{
    /// <summary>Creates the exception with a message that names no secret.</summary>
    public ProtectionFormatException(string message)
        : base(message)
    {
    }
}
