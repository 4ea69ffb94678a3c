using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Ledger.Api.Hosting;

/// <summary>
/// Shows the headers an endpoint declares with <see cref="RequestHeaderEndpoints.WithRequestHeader"/> as optional
/// header parameters of its operation (e.g. <c>Idempotency-Key</c>, <c>X-Access-Purpose</c>).
/// </summary>
internal sealed class RequestHeadersFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var header in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequestHeaderMetadata>().DistinctBy(h => h.Name))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name,
                In = ParameterLocation.Header,
                Required = false,
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }
}
