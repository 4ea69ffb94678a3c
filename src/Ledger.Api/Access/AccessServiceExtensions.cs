using Ledger.Api.Access.Jwt;
using Ledger.Api.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Access;

/// <summary>Registers identities and the access policy: API keys, optional JWT bearer tokens, and one policy.</summary>
internal static class AccessServiceExtensions
{
    /// <summary>The default scheme: picks API key or bearer token by what the request carries.</summary>
    public const string Scheme = "Ledger";

    public static IServiceCollection AddLedgerAccess(this IServiceCollection services)
    {
        services.AddOptions<JwtOptions>().BindSettings(JwtOptions.Section);
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearerOptions>();
        services.AddScoped<JwtBearerCallerEvents>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or bearer token", o => o.ForwardDefaultSelector = SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(JwtBearerCallerEvents.SchemeName);
        services.AddAuthorization();

        services.AddOptions<ApiKeyCacheOptions>().BindSettings(ApiKeyCacheOptions.Section);
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<IAccessPolicy, AccessPolicy>();
        services.AddScoped<IRecordFactsReader, RecordFactsReader>();
        services.AddSingleton<EmbeddedKeys>();
        services.AddHostedService<UnfitKeysWarning>();
        return services;
    }

    // An API key wins when both are sent; with neither, the API-key scheme answers the challenge.
    private static string SchemeFor(HttpContext context) =>
        !context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
        && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? JwtBearerCallerEvents.SchemeName
            : ApiKeyAuthenticationHandler.SchemeName;
}
