namespace Ledger.Data.Access;

/// <summary>An API key: only its SHA-256 is stored; the public <see cref="Id"/> is the visible prefix of the key.</summary>
public sealed class ApiKey
{
    /// <summary>The key's visible, non-secret part (e.g. <c>ldg_3f9a2c71</c>), used to find it and in audit trails.</summary>
    public required string Id { get; init; }
    /// <summary>Lowercase hex SHA-256 of the whole key text.</summary>
    public required string SecretHash { get; init; }
    public required string Role { get; init; }
    /// <summary>The organisation the holder acts for; it becomes the issuer of what they submit.</summary>
    public required string Organisation { get; init; }
    public required string Label { get; init; }
    /// <summary>The staff account this key is a credential for; null for keys issued before staff accounts existed.</summary>
    public string? StaffId { get; init; }
    public required long CreatedAtMs { get; init; }
    public long? ExpiresAtMs { get; init; }
    public long? RevokedAtMs { get; set; }
}
