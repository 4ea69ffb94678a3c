using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ledger.Api.Hosting;
using Ledger.Api.Tests.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Hosting;

/// <summary>
/// The served OpenAPI document against the running app's own endpoints: every operation that needs a caller
/// requires the API key (so Swagger UI's "Try it out" sends it), anonymous ones require nothing, and the headers
/// handlers read themselves are shown where they apply.
/// </summary>
public sealed class OpenApiDocumentTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task EveryOperationThatNeedsACallerRequiresTheApiKeyAndNoAnonymousOneRequiresAnything()
    {
        var operations = await ServedOperation.FetchAsync(_factory);
        var endpoints = ServedOperation.EndpointsOf(_factory);

        Assert.Contains(operations, o => !o.NeedsCaller(endpoints));
        Assert.Contains(operations, o => o.NeedsCaller(endpoints));
        Assert.All(operations, o => Assert.True(
            o.Security.SequenceEqual(o.NeedsCaller(endpoints) ? ["ApiKey"] : []),
            $"{o}: the endpoint {(o.NeedsCaller(endpoints) ? "needs a caller" : "is anonymous")}, the document requires [{string.Join(" | ", o.Security)}]"));
    }

    [Fact]
    public async Task EveryApiEndpointOfTheAppIsInTheDocument()
    {
        var operations = await ServedOperation.FetchAsync(_factory);

        var missing = ServedOperation.EndpointsOf(_factory).Keys.Where(k => !operations.Any(o => o.Key == k)).ToList();

        Assert.Empty(missing);
    }

    // Checks the metadata reading that decides the document against what the running app does without a credential.
    [Fact]
    public async Task TheOperationsMarkedAsNeedingACallerAreExactlyThoseThatAnswer401WithoutOne()
    {
        var operations = await ServedOperation.FetchAsync(_factory);
        var client = _factory.CreateClient();

        foreach (var operation in operations)
        {
            var path = Regex.Replace(operation.Path, @"\{recordHash\}", "0x" + new string('0', 64));
            path = Regex.Replace(path, @"\{[^}]+\}", "0");
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(operation.Method), path));

            Assert.True((response.StatusCode == HttpStatusCode.Unauthorized) == operation.Security.Count > 0,
                $"{operation} answered {(int)response.StatusCode} without a credential, but requires [{string.Join(" | ", operation.Security)}]");
        }
    }

    [Fact]
    public async Task TheIdempotencyKeyAndAccessPurposeHeadersAppearWhereTheHandlersReadThem()
    {
        var operations = await ServedOperation.FetchAsync(_factory);
        var endpoints = ServedOperation.EndpointsOf(_factory);

        var submit = operations.Single(o => o.Key == ("POST", "/api/v1/records"));
        var read = operations.Single(o => o.Key == ("GET", "/api/v1/records/{id}"));

        Assert.Contains("Idempotency-Key", submit.HeaderNames);
        Assert.Contains("X-Access-Purpose", read.HeaderNames);
        Assert.All(operations, o => Assert.Equal(
            endpoints[o.Key].Metadata.OfType<RequestHeaderMetadata>().Select(h => h.Name).Order(),
            o.HeaderNames.Order()));
        Assert.All(operations.SelectMany(o => o.Headers), h => Assert.False(string.IsNullOrWhiteSpace(h.GetProperty("description").GetString())));
    }

    [Fact]
    public async Task WithoutBearerTokensTheDocumentOffersOnlyTheApiKey()
    {
        var document = await _factory.CreateClient().GetFromJsonAsync<JsonElement>(ServedOperation.DocumentPath);

        var schemes = document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(p => p.Name);

        Assert.Equal(["ApiKey"], schemes);
    }
}

/// <summary>With bearer tokens on (<c>Auth:Jwt:Issuer</c>), a bearer token is the alternative to the API key.</summary>
public sealed class OpenApiWithBearerTokensTests(JwtLedger ledger) : IClassFixture<JwtLedger>
{
    [Fact]
    public async Task EveryOperationThatNeedsACallerTakesTheApiKeyOrABearerToken()
    {
        var operations = await ServedOperation.FetchAsync(ledger.Factory);
        var endpoints = ServedOperation.EndpointsOf(ledger.Factory);
        var document = await ledger.Factory.CreateClient().GetFromJsonAsync<JsonElement>(ServedOperation.DocumentPath);

        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out var bearer));
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.All(operations, o => Assert.Equal(o.NeedsCaller(endpoints) ? ["ApiKey", "Bearer"] : [], o.Security));
    }
}

/// <summary>One operation of the served document: method, path, the schemes of each security requirement, header parameters.</summary>
internal sealed record ServedOperation(string Method, string Path, IReadOnlyList<string> Security, IReadOnlyList<JsonElement> Headers)
{
    public const string DocumentPath = "/swagger/v1/swagger.json";

    public (string Method, string Path) Key => (Method, Path);

    public IEnumerable<string> HeaderNames => Headers.Select(h => h.GetProperty("name").GetString()!);

    public override string ToString() => $"{Method} {Path}";

    /// <summary>Whether the app's endpoint needs a caller, read from its metadata as the authorization middleware reads it.</summary>
    public bool NeedsCaller(IReadOnlyDictionary<(string, string), Endpoint> endpoints)
    {
        var metadata = endpoints[Key].Metadata;
        return metadata.GetMetadata<IAllowAnonymous>() is null
            && (metadata.GetMetadata<IAuthorizeData>() is not null || metadata.GetMetadata<AuthorizationPolicy>() is not null);
    }

    /// <summary>Every operation of the document the running app serves. Each requirement object is one alternative; its schemes are joined with "+".</summary>
    public static async Task<List<ServedOperation>> FetchAsync(LedgerApiFactory factory)
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>(DocumentPath);
        var operations = new List<ServedOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var security = operation.Value.TryGetProperty("security", out var s)
                    ? s.EnumerateArray().Select(r => string.Join("+", r.EnumerateObject().Select(p => p.Name))).ToList()
                    : [];
                var headers = operation.Value.TryGetProperty("parameters", out var p)
                    ? p.EnumerateArray().Where(x => x.GetProperty("in").GetString() == "header").ToList()
                    : [];
                operations.Add(new(operation.Name.ToUpperInvariant(), Normalise(path.Name), security, headers));
            }
        }
        return operations;
    }

    /// <summary>The app's own API endpoints (those with an HTTP method, not excluded from descriptions), by method and path.</summary>
    public static IReadOnlyDictionary<(string, string), Endpoint> EndpointsOf(LedgerApiFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Key: (m, Normalise(e.RoutePattern.RawText ?? "")), Endpoint: (Endpoint)e)))
            .ToDictionary(x => x.Key, x => x.Endpoint);

    // "/api/v1/records/" and "api/v1/records/{id:guid}" name the same operations as "/api/v1/records" and "/api/v1/records/{id}".
    private static string Normalise(string path) =>
        "/" + Regex.Replace(path, @"\{([^}:=?]+)[^}]*\}", "{$1}").Trim('/');
}
