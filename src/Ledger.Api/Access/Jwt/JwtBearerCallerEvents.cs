using System.Security.Claims;
using System.Text.Json;
using Ledger.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Ledger.Api.Access.Jwt;

/// <summary>
/// Our part of bearer authentication, around the library's validation: a validated token becomes the same
/// <see cref="Caller"/> an API key gives — one ledger role, a registered organisation with its jurisdiction and kind,
/// a subject — and refusals are ProblemDetails like every other error. One instance per request.
/// </summary>
internal sealed class JwtBearerCallerEvents(IOptions<JwtOptions> jwt, LedgerDbContext db, IProblemDetailsService problems) : JwtBearerEvents
{
    public const string SchemeName = JwtBearerDefaults.AuthenticationScheme;

    public override Task MessageReceived(MessageReceivedContext context)
    {
        if (!jwt.Value.Enabled)
        {
            context.Fail(new BearerTokenRefusedException("Bearer tokens are not accepted by this service; use an API key."));
        }
        return Task.CompletedTask;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var caller = context.SecurityToken is JsonWebToken token ? await CallerFromAsync(token, context.HttpContext.RequestAborted) : null;
        if (caller is null)
        {
            context.Fail(new BearerTokenRefusedException("The bearer token does not name a ledger role, a registered organisation and a subject."));
            return;
        }
        // Only our claims: the policy reads the caller, never the identity provider's claims.
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(caller.ToClaims(), SchemeName));
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var failure = context.AuthenticateFailure;
        context.Response.Headers.WWWAuthenticate = failure is null ? SchemeName : $"{SchemeName} error=\"invalid_token\"";
        // The library's exception text can quote token contents: only our own refusals are passed on.
        var detail = failure switch
        {
            null => "Send a valid bearer token.",
            BearerTokenRefusedException refused => refused.Message,
            _ => "The bearer token is invalid or expired.",
        };
        await AuthenticationProblems.WriteAsync(problems, context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication required", detail);
    }

    public override Task Forbidden(ForbiddenContext context) =>
        AuthenticationProblems.WriteAsync(problems, context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "Your role may not use this endpoint.");

    private async Task<Caller?> CallerFromAsync(JsonWebToken token, CancellationToken ct)
    {
        var settings = jwt.Value;
        var roles = Values(token, settings.RoleClaim)
            .Select(r => settings.RoleMap.TryGetValue(r, out var mapped) ? mapped : r)
            .Where(Roles.IsKnown)
            .Distinct()
            .ToList();
        var organisations = Values(token, settings.OrganisationClaim).ToList();
        var subjects = Values(token, settings.SubjectClaim).ToList();
        // Exactly one ledger role: a token that could act as two would make the policy's answer depend on order.
        if (roles.Count != 1 || organisations is not [var organisation] || subjects is not [{ Length: > 0 and <= 60 } subject] || subject.Any(char.IsControl))
        {
            return null;
        }
        var registered = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisation)
            .Select(o => new { o.AreaCode, o.Kind })
            .SingleOrDefaultAsync(ct);
        // The kind goes with the caller: a role that does not fit it is refused by the policy, as for an API key.
        return registered is null ? null : new Caller($"jwt:{subject}", roles[0], organisation)
        {
            Jurisdiction = registered.AreaCode,
            OrganisationKind = registered.Kind,
            StaffId = $"jwt:{subject}",
        };
    }

    // A claim may be a string or an array of strings (roles often are); anything else counts as absent.
    private static IEnumerable<string> Values(JsonWebToken token, string name) =>
        !token.TryGetPayloadValue<object>(name, out var value) ? [] : value switch
        {
            string text => [text],
            IEnumerable<object> items => items.OfType<string>(),
            JsonElement { ValueKind: JsonValueKind.String } e => [e.GetString()!],
            JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!),
            _ => [],
        };

    /// <summary>A refusal of ours, whose message is safe to show the caller (it quotes nothing from the token).</summary>
    private sealed class BearerTokenRefusedException(string message) : Exception(message);
}
