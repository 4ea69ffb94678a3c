namespace Ledger.Api.Hosting;

/// <summary>
/// A request header an endpoint reads itself rather than binding it as a parameter, so that the OpenAPI document
/// (<see cref="RequestHeadersFilter"/>) can still show it.
/// </summary>
/// <param name="Name">The header's name.</param>
/// <param name="Description">What it does and when it is needed; shown in Swagger UI.</param>
public sealed record RequestHeaderMetadata(string Name, string Description);

/// <summary>Declares, on an endpoint or group, a header its handler reads from the request.</summary>
public static class RequestHeaderEndpoints
{
    /// <summary>Adds <see cref="RequestHeaderMetadata"/> for <paramref name="name"/>; the handler still validates the value.</summary>
    public static TBuilder WithRequestHeader<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestHeaderMetadata(name, description));
}
