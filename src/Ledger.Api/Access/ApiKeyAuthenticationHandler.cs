using System.Security.Claims;
using System.Text.Encodings.Web;
using Ledger.Data;
using Ledger.Data.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Access;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the stored key hashes, and adds the key's staff account and
/// the jurisdiction and kind of its organisation to the caller (the policy checks that the role fits the kind). Key rows
/// come through <see cref="ApiKeyCache"/>: a revocation elsewhere takes effect within its lifetime (docs/security.md).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCache cache,
    TimeProvider time,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    // Compared against when the id is unknown, so an unknown id costs the same hashing as a known one.
    private static readonly string NoHash = new('0', 64);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }
        var presented = values.Count == 1 ? values[0] ?? "" : "";
        var id = ApiKeyText.IdOf(presented);
        if (id is null)
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }
        // The row from the short-lived cache (ApiKeyCache); the secret, expiry and revocation are checked every time.
        var found = await cache.GetAsync(id, () => Context.RequestServices.GetRequiredService<LedgerDbContext>(), Context.RequestAborted);
        var matches = ApiKeyText.Matches(presented, found?.SecretHash ?? NoHash);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (found is null || !matches || found.RevokedAtMs is not null || found.ExpiresAtMs <= now || found.StaffDisabled)
        {
            return AuthenticateResult.Fail("The API key is unknown, revoked or expired.");
        }
        var caller = new Caller(found.Id, found.Role, found.Organisation)
        {
            Jurisdiction = found.Jurisdiction,
            OrganisationKind = found.OrganisationKind,
            StaffId = found.StaffId,
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(caller.ToClaims(), SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await AuthenticationProblems.WriteAsync(problems, Context, StatusCodes.Status401Unauthorized, "Authentication required",
            failure ?? $"Send a valid API key in the {HeaderName} header.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthenticationProblems.WriteAsync(problems, Context, StatusCodes.Status403Forbidden, "Forbidden", "Your role may not use this endpoint.");
}
