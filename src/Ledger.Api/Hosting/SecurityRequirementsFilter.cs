using Ledger.Api.Access;
using Ledger.Api.Access.Jwt;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Ledger.Api.Hosting;

/// <summary>
/// Marks every operation whose endpoint needs a caller as requiring the API key — or, where bearer tokens are on,
/// a bearer token instead — so that Swagger UI sends the credential given under "Authorize". Decided from the
/// endpoint's own authorization metadata (<see cref="EndpointAccess"/>), so a new endpoint cannot be left out;
/// anonymous operations (verify, proofs) require nothing.
/// </summary>
internal sealed class SecurityRequirementsFilter(IOptions<JwtOptions> jwt, IOptions<AuthorizationOptions> authorization) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!EndpointAccess.RequiresCaller(context.ApiDescription.ActionDescriptor.EndpointMetadata, authorization.Value))
        {
            operation.Security = null;
            return;
        }
        // Two requirement objects: either scheme alone satisfies the operation.
        operation.Security = [Requirement(ApiKeyAuthenticationHandler.SchemeName, context.Document)];
        if (jwt.Value.Enabled)
        {
            operation.Security.Add(Requirement(JwtBearerCallerEvents.SchemeName, context.Document));
        }
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
