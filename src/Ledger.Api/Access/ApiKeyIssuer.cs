using System.Security.Cryptography;
using System.Text;
using Ledger.Data.Access;

namespace Ledger.Api.Access;

/// <summary>
/// Makes and checks API keys of the form <c>ldg_{8 hex id}_{43 base64url secret}</c>. The id is visible and stored;
/// the whole key is stored only as its SHA-256, so a database leak does not leak keys.
/// </summary>
public static class ApiKeyIssuer
{
    private const string Prefix = "ldg_";

    /// <summary>Creates a key; the returned text is the only time the secret exists outside the caller.</summary>
    public static (ApiKey Entity, string Key) Create(string role, string organisation, string label, TimeProvider time, DateTimeOffset? expiresAt = null)
    {
        var id = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var key = $"{id}_{secret}";
        var entity = new ApiKey
        {
            Id = id,
            SecretHash = HashOf(key),
            Role = role,
            Organisation = organisation,
            Label = label,
            CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            ExpiresAtMs = expiresAt?.ToUnixTimeMilliseconds(),
        };
        return (entity, key);
    }

    /// <summary>The public id part of a presented key, or null when it does not have the key's shape.</summary>
    public static string? IdOf(string presented)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 128)
        {
            return null;
        }
        var split = presented.IndexOf('_', Prefix.Length);
        return split > Prefix.Length ? presented[..split] : null;
    }

    /// <summary>Compares a presented key with a stored hash in constant time.</summary>
    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(HashOf(presented)),
            Encoding.ASCII.GetBytes(storedHash));

    private static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
