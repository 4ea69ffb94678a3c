using System.Security.Claims;

namespace Ledger.Api.Access;

/// <summary>The authenticated caller, read from the claims the API-key handler issues.</summary>
public sealed record Caller(string KeyId, string Role, string Organisation)
{
    public const string OrganisationClaim = "ledger:organisation";

    /// <summary>Reads the caller from an authenticated principal.</summary>
    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No key id claim."),
        user.FindFirstValue(ClaimTypes.Role) ?? throw new InvalidOperationException("No role claim."),
        user.FindFirstValue(OrganisationClaim) ?? throw new InvalidOperationException("No organisation claim."));
}
