using System.Security.Cryptography;
using System.Text;
using Ledger.Core.Encoding;
using Ledger.Core.Protection;

namespace Ledger.Api.Protection;

/// <summary>
/// The unlocked keys of this instance: the master key (wraps data keys) and the subject-index secret (names subjects
/// by a keyed digest). Unlocked once at start by <see cref="ProtectionStartup"/>, after the key check passed.
/// </summary>
public sealed class ProtectionKeys : IDisposable
{
    private MasterKey? _master;
    private byte[]? _subjectIndex;

    /// <summary>The master key; throws before start-up unlocked it.</summary>
    public MasterKey Master => _master ?? throw new InvalidOperationException("Payload protection is not unlocked yet.");

    /// <summary>
    /// The keyed digest that names a data subject: HMAC-SHA256 over issuer, domain, kind and reference. Keyed, so a
    /// case or account number — a few thousand guesses at most — cannot be matched by anyone holding only the database.
    /// </summary>
    public string SubjectDigest(string issuer, string domain, string kind, string reference)
    {
        var secret = _subjectIndex ?? throw new InvalidOperationException("Payload protection is not unlocked yet.");
        // NUL-separated: none of the parts can contain NUL, so no two subjects share a message.
        var message = Encoding.UTF8.GetBytes($"ledger/subject/v1\0{issuer}\0{domain}\0{kind}\0{reference}");
        return Hex.Encode(HMACSHA256.HashData(secret, message));
    }

    internal void Unlock(MasterKey master, byte[] subjectIndexSecret)
    {
        if (_master is not null)
        {
            throw new InvalidOperationException("Payload protection is already unlocked.");
        }
        _subjectIndex = GC.AllocateArray<byte>(subjectIndexSecret.Length, pinned: true);
        subjectIndexSecret.CopyTo(_subjectIndex, 0);
        CryptographicOperations.ZeroMemory(subjectIndexSecret);
        _master = master;
    }

    public void Dispose()
    {
        if (_subjectIndex is not null)
        {
            CryptographicOperations.ZeroMemory(_subjectIndex);
        }
        _master?.Dispose();
    }
}
