using System.Security.Cryptography;
using System.Text;
using Ledger.Api.Access;
using Ledger.Api.Protection;
using Ledger.Core.Records;

namespace Ledger.Api.Community;

/// <summary>
/// A volunteer's private check of their own time-bank account with their reference and the check secret handed to
/// them (printed on their statement or card). The secret is an HMAC of community and reference under the service's
/// subject-index secret, so the service derives it again instead of storing it, and nobody without that secret can
/// compute it. The check compares in constant time before touching the database, and a wrong secret, an unknown
/// reference and an unknown community get the same answer: there is nothing to enumerate and no oracle for guessing.
/// </summary>
internal sealed class VolunteerSelfCheck(ProtectionKeys keys, TimebankAccounts accounts)
{
    /// <summary>The credential id the access trail names for a volunteer's own read.</summary>
    public const string ReaderId = "volunteer-self-check";

    /// <summary>The role the access trail names for a volunteer's own read.</summary>
    public const string ReaderRole = "volunteer";

    /// <summary>The one answer to every check that fails, whatever the reason.</summary>
    public const string NoMatch = "No time-bank account matches this community, reference and check secret.";

    private const int SecretHexDigits = 32;

    /// <summary>The volunteer's check secret: 128 bits as 32 hex digits in groups of four, easy to print and type.</summary>
    public static string SecretOf(ProtectionKeys keys, string communityId, string volunteerRef)
    {
        var digest = keys.SubjectDigest(communityId, RecordDomains.SharedCommunity, "volunteer-check", volunteerRef);
        var hex = digest[2..(2 + SecretHexDigits)];
        return string.Join('-', Enumerable.Range(0, SecretHexDigits / 4).Select(i => hex.Substring(i * 4, 4)));
    }

    /// <summary>The account when <paramref name="secret"/> is the volunteer's; null otherwise, for any reason.</summary>
    public async Task<TimebankAccountView?> CheckAsync(string communityId, string volunteerRef, string secret, CancellationToken ct)
    {
        // The expected secret is computed for any community and reference, known or not, so the work before the
        // comparison is the same for all, and the comparison itself takes the same time for any wrong secret.
        var expected = Encoding.ASCII.GetBytes(SecretOf(keys, communityId, volunteerRef).Replace("-", "", StringComparison.Ordinal));
        var given = Encoding.ASCII.GetBytes(Normalise(secret));
        if (!CryptographicOperations.FixedTimeEquals(expected, given.Length == expected.Length ? given : new byte[expected.Length]) ||
            given.Length != expected.Length)
        {
            return null;
        }
        var reader = new Caller(ReaderId, ReaderRole, communityId);
        return await accounts.ReadAsync(communityId, volunteerRef, reader, ct);
    }

    // Typed from paper: spaces and dashes anywhere, either case.
    private static string Normalise(string secret) =>
        new([.. secret.Where(c => c is not ('-' or ' ')).Select(char.ToLowerInvariant)]);
}
