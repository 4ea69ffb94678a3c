using Ledger.Data.Access;

namespace Ledger.Api.Access;

/// <summary>
/// Makes and checks API keys (format and hashing in <see cref="ApiKeyText"/>). Operators issue keys for staff with
/// <c>ledger keys create</c> (<see cref="KeyRegistry"/>); this entry point issues bare keys without a staff account,
/// for tests and tools that need one quickly.
/// </summary>
public static class ApiKeyIssuer
{
    /// <summary>Creates a key; the returned text is the only time the secret exists outside the caller.</summary>
    public static (ApiKey Entity, string Key) Create(string role, string organisation, string label, TimeProvider time, DateTimeOffset? expiresAt = null)
    {
        var (id, key) = ApiKeyText.NewKey();
        var entity = new ApiKey
        {
            Id = id,
            SecretHash = ApiKeyText.HashOf(key),
            Role = role,
            Organisation = organisation,
            Label = label,
            CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            ExpiresAtMs = expiresAt?.ToUnixTimeMilliseconds(),
        };
        return (entity, key);
    }

    /// <summary>The public id part of a presented key, or null when it does not have the key's shape.</summary>
    public static string? IdOf(string presented) => ApiKeyText.IdOf(presented);

    /// <summary>Compares a presented key with a stored hash in constant time.</summary>
    public static bool Matches(string presented, string storedHash) => ApiKeyText.Matches(presented, storedHash);
}
