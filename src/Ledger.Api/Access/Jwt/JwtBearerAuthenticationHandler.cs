using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ledger.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ledger.Api.Access.Jwt;

/// <summary>
/// Authenticates <c>Authorization: Bearer</c> JWTs from an agency's identity provider and maps their claims to the
/// same caller an API key gives: role, organisation (which must be registered here) and its jurisdiction.
/// </summary>
public sealed class JwtBearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<JwtOptions> jwt,
    JwtSigningKeys keys,
    LedgerDbContext db,
    TimeProvider time,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>Asymmetric and HMAC algorithms only; never <c>none</c>.</summary>
    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private static readonly JsonWebTokenHandler Tokens = new() { MaximumTokenSizeInBytes = 16 * 1024 };

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var settings = jwt.Value;
        if (!settings.Enabled)
        {
            return AuthenticateResult.Fail("Bearer tokens are not accepted by this service; use an API key.");
        }
        var result = await Tokens.ValidateTokenAsync(value["Bearer ".Length..].Trim(), Parameters(settings));
        // The validation exception is not passed on: its text can quote token contents.
        if (!result.IsValid)
        {
            return AuthenticateResult.Fail("The bearer token is invalid or expired.");
        }
        var caller = await CallerFromAsync(result.Claims, settings);
        if (caller is null)
        {
            return AuthenticateResult.Fail("The bearer token does not name a ledger role, a registered organisation and a subject.");
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(caller.ToClaims(), SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private TokenValidationParameters Parameters(JwtOptions settings) => new()
    {
        ValidIssuer = settings.Issuer,
        ValidAudience = settings.Audience,
        IssuerSigningKeys = keys.Keys,
        ValidAlgorithms = Algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = settings.ClockSkew,
        // Checked against the injected clock rather than the library's, and exp is required.
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return expires is { } exp && now <= exp + settings.ClockSkew && (notBefore is not { } nbf || now >= nbf - settings.ClockSkew);
        },
    };

    private async Task<Caller?> CallerFromAsync(IDictionary<string, object> claims, JwtOptions settings)
    {
        var roles = Values(claims, settings.RoleClaim)
            .Select(r => settings.RoleMap.TryGetValue(r, out var mapped) ? mapped : r)
            .Where(Roles.IsKnown)
            .Distinct()
            .ToList();
        var organisation = Values(claims, settings.OrganisationClaim).SingleOrDefault();
        var subject = Values(claims, settings.SubjectClaim).SingleOrDefault();
        // Exactly one ledger role: a token that could act as two would make the policy's answer depend on order.
        if (roles.Count != 1 || organisation is null || subject is not { Length: > 0 and <= 60 } || subject.Any(char.IsControl))
        {
            return null;
        }
        var registered = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisation)
            .Select(o => new { o.AreaCode, o.Kind })
            .SingleOrDefaultAsync(Context.RequestAborted);
        // The kind goes with the caller: a role that does not fit it is refused by the policy, as for an API key.
        return registered is null ? null : new Caller($"jwt:{subject}", roles[0], organisation)
        {
            Jurisdiction = registered.AreaCode,
            OrganisationKind = registered.Kind,
            StaffId = $"jwt:{subject}",
        };
    }

    // A claim may be a string or an array of strings (roles often are).
    private static IEnumerable<string> Values(IDictionary<string, object> claims, string name) =>
        !claims.TryGetValue(name, out var value) ? [] : value switch
        {
            string text => [text],
            IEnumerable<object> items => items.OfType<string>(),
            JsonElement { ValueKind: JsonValueKind.String } e => [e.GetString()!],
            JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!),
            _ => [],
        };

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.Headers.WWWAuthenticate = failure is null ? SchemeName : $"{SchemeName} error=\"invalid_token\"";
        await AuthenticationProblems.WriteAsync(problems, Context, StatusCodes.Status401Unauthorized, "Authentication required",
            failure ?? "Send a valid bearer token.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthenticationProblems.WriteAsync(problems, Context, StatusCodes.Status403Forbidden, "Forbidden", "Your role may not use this endpoint.");
}
