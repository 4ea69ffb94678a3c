using System.Security.Cryptography;
using System.Text;

namespace Ledger.Data.Access;

/// <summary>
/// The text of an API key, <c>ldg_{8 hex id}_{43 base64url secret}</c>: the id is the visible prefix that names the
/// key in lists and trails; the whole key is stored only as its SHA-256, so a database leak does not leak keys.
/// </summary>
public static class ApiKeyText
{
    public const string Prefix = "ldg_";
    /// <summary>Longer than any key we make; longer input is refused before it is hashed.</summary>
    public const int MaxLength = 128;

    /// <summary>A fresh id and the full key text (the only time the secret exists outside its holder).</summary>
    public static (string Id, string Key) NewKey()
    {
        var id = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, $"{id}_{secret}");
    }

    /// <summary>The public id part of a presented key, or null when it does not have the key's shape.</summary>
    public static string? IdOf(string presented)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > MaxLength)
        {
            return null;
        }
        var split = presented.IndexOf('_', Prefix.Length);
        return split > Prefix.Length ? presented[..split] : null;
    }

    /// <summary>Lowercase hex SHA-256 of the key text, as stored.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares a presented key with a stored hash in constant time.</summary>
    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(HashOf(presented)),
            Encoding.ASCII.GetBytes(storedHash));
}
