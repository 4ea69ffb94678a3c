using System.Security.Claims;

namespace Ledger.Api.Access;

/// <summary>
/// The authenticated caller, read from the claims both authentication handlers (API key and JWT bearer) issue.
/// </summary>
/// <param name="KeyId">The credential's public id: an API key id (<c>ldg_…</c>) or <c>jwt:{subject}</c>; recorded as the submitter.</param>
/// <param name="Role">One of <see cref="Roles"/>.</param>
/// <param name="Organisation">The organisation the caller acts for; it becomes the issuer of what they submit.</param>
public sealed record Caller(string KeyId, string Role, string Organisation)
{
    public const string OrganisationClaim = "ledger:organisation";
    public const string JurisdictionClaim = "ledger:jurisdiction";
    public const string OrganisationKindClaim = "ledger:organisation-kind";
    public const string StaffClaim = "ledger:staff";

    /// <summary>
    /// The organisation's area code (6-digit PRC administrative division code); null when the organisation is not
    /// registered, in which case no record counts as in the caller's jurisdiction.
    /// </summary>
    public string? Jurisdiction { get; init; }

    /// <summary>
    /// The organisation's kind (e.g. <c>market-supervision</c>), which decides the roles its staff may hold; null when
    /// the organisation is not registered.
    /// </summary>
    public string? OrganisationKind { get; init; }

    /// <summary>The staff account behind the credential; null for keys issued before staff accounts existed.</summary>
    public string? StaffId { get; init; }

    /// <summary>Reads the caller from an authenticated principal.</summary>
    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No key id claim."),
        user.FindFirstValue(ClaimTypes.Role) ?? throw new InvalidOperationException("No role claim."),
        user.FindFirstValue(OrganisationClaim) ?? throw new InvalidOperationException("No organisation claim."))
    {
        Jurisdiction = user.FindFirstValue(JurisdictionClaim),
        OrganisationKind = user.FindFirstValue(OrganisationKindClaim),
        StaffId = user.FindFirstValue(StaffClaim),
    };

    /// <summary>The caller of an authenticated request, or null for the anonymous public.</summary>
    public static Caller? FromOrNull(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? From(user) : null;

    /// <summary>The claims every authentication handler issues for a caller, so both produce the same principal.</summary>
    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(ClaimTypes.NameIdentifier, KeyId);
        yield return new Claim(ClaimTypes.Role, Role);
        yield return new Claim(OrganisationClaim, Organisation);
        if (Jurisdiction is not null)
        {
            yield return new Claim(JurisdictionClaim, Jurisdiction);
        }
        if (OrganisationKind is not null)
        {
            yield return new Claim(OrganisationKindClaim, OrganisationKind);
        }
        if (StaffId is not null)
        {
            yield return new Claim(StaffClaim, StaffId);
        }
    }
}
