namespace Ledger.Api.Access.Jwt;

/// <summary>
/// Bearer-token (JWT / OIDC) validation for agencies with single sign-on (configuration section <c>Auth:Jwt</c>).
/// Off unless <see cref="Issuer"/> is set. Signing keys come from <see cref="SigningKeys"/>, from the identity
/// provider's published key set (<see cref="Authority"/> or <see cref="MetadataAddress"/>), or both.
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

    /// <summary>
    /// The identity provider's base address; its OpenID Connect discovery document
    /// (<c>{Authority}/.well-known/openid-configuration</c>) names the key set (<c>jwks_uri</c>) whose keys are trusted
    /// besides <see cref="SigningKeys"/>, and which is fetched again when a token names a key it does not hold.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The discovery document's full address, when it is not under <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Refuse discovery documents and key sets served over plain HTTP. Turn off only for local testing.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

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

    /// <summary>Whether keys are also read from the identity provider's discovery document.</summary>
    public bool UsesMetadata => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress);
}
