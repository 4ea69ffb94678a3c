using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ledger.Api.Access.Jwt;

/// <summary>
/// Turns our <c>Auth:Jwt</c> settings into the options of ASP.NET Core's JWT bearer handler, which does the
/// validation: signature, algorithm, issuer, audience, lifetime, and the identity provider's published keys.
/// </summary>
internal sealed class ConfigureJwtBearerOptions(IOptions<JwtOptions> jwt, TimeProvider time) : IConfigureNamedOptions<JwtBearerOptions>
{
    /// <summary>Asymmetric and HMAC algorithms only; never <c>none</c>.</summary>
    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == JwtBearerDefaults.AuthenticationScheme)
        {
            Configure(options);
        }
    }

    public void Configure(JwtBearerOptions options)
    {
        var settings = jwt.Value;
        // Our events map claims to a Caller and answer 401/403 as ProblemDetails; they also refuse every token when
        // bearer tokens are off, so nothing below is consulted then.
        options.EventsType = typeof(JwtBearerCallerEvents);
        // The library's default accepts tokens up to 250 kB; ours are a few hundred bytes.
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new JsonWebTokenHandler { MaximumTokenSizeInBytes = 16 * 1024 });
        options.MapInboundClaims = false;
        if (!settings.Enabled)
        {
            return;
        }
        options.Authority = NullIfBlank(settings.Authority);
        if (NullIfBlank(settings.MetadataAddress) is { } metadata)
        {
            options.MetadataAddress = metadata;
        }
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            // The handler would also accept the discovery document's issuer; the configured one is the only one we take.
            IssuerValidator = (issuer, _, _) => issuer == settings.Issuer
                ? issuer
                : throw new SecurityTokenInvalidIssuerException("The token's issuer is not the configured issuer.") { InvalidIssuer = issuer },
            ValidAudience = settings.Audience,
            IssuerSigningKeys = [.. settings.SigningKeys.SelectMany(JwtSigningKeys.Parse)],
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = settings.ClockSkew,
            // exp and nbf are judged by the service's clock, the one every other expiry here uses; the library reads
            // the system clock and takes no TimeProvider. A delegate replaces its check whole, so exp is required here.
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } exp && now <= exp + settings.ClockSkew && (notBefore is not { } nbf || now >= nbf - settings.ClockSkew);
            },
        };
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
