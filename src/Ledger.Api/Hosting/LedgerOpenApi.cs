using Ledger.Api.Access;
using Ledger.Api.Access.Jwt;
using Ledger.Api.RecordTypes;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Ledger.Api.Hosting;

/// <summary>The OpenAPI document served at <c>/swagger/v1/swagger.json</c> and the Swagger UI on it.</summary>
internal static class LedgerOpenApi
{
    public static IServiceCollection AddLedgerOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Ledger API",
                Version = "v1",
                Description = "Submit government records, anchor their salted hashes on chain, and let anyone verify them.",
            });
            o.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "API key of a staff member; embedded mode prints one per role at start.",
            });
            o.OperationFilter<SecurityRequirementsFilter>();
            o.OperationFilter<RequestHeadersFilter>();
            o.DocumentFilter<RecordTypeSchemasFilter>();
        });
        // Offered only when the service accepts bearer tokens (Auth:Jwt:Issuer), so "Authorize" shows what works.
        services.AddOptions<SwaggerGenOptions>().Configure<IOptions<JwtOptions>>((o, jwt) =>
        {
            if (jwt.Value.Enabled)
            {
                o.AddSecurityDefinition(JwtBearerCallerEvents.SchemeName, new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A token from the agency's identity provider (Auth:Jwt), instead of an API key.",
                });
            }
        });
        return services;
    }
}
