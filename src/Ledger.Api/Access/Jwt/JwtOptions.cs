namespace Ledger.Api.Access.Jwt;

/// <summary>
/// Bearer-token (JWT / OIDC) validation for agencies with single sign-on (configuration section <c>Auth:Jwt</c>).
/// Off unless <see cref="Issuer"/> is set. Keys come from configuration, not from the issuer's discovery document:
/// the service then trusts exactly the keys its operator put there.
/// </summary>
public sealed class JwtOptions
{
    public const string Section = "Auth:Jwt";

    /// <summary>The required <c>iss</c>; empty turns bearer tokens off.</summary>
    public string? Issuer { get; set; }

    /// <summary>The required <c>aud</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// Trusted signing keys, each either a base64 symmetric key (HS256/384/512, at least 32 bytes), a PEM public key
    /// (RSA or EC: <c>-----BEGIN PUBLIC KEY-----</c>), or a JWK or JWK Set as JSON.
    /// </summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>The claim that holds the ledger role.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>The claim that holds the organisation id; it must be a registered organisation.</summary>
    public string OrganisationClaim { get; set; } = "org";

    /// <summary>The claim that names the staff member; the caller's credential id becomes <c>jwt:{value}</c>.</summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>Maps the identity provider's role names to ledger roles (e.g. "food-inspector" → "inspector"); unmapped values are taken as they are.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = [];

    /// <summary>Tolerance for clock differences when checking <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Issuer);
}
