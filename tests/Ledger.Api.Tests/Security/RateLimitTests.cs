using System.Net;
using Ledger.Api.Access;
using Ledger.Core.Encoding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Security;

/// <summary>A service whose public endpoints allow three requests per address per minute.</summary>
public sealed class RateLimitedLedger : IAsyncLifetime
{
    public const int Limit = 3;

    public LedgerApiFactory Factory { get; } = new(settings: new Dictionary<string, string?>
    {
        ["RateLimits:PublicPermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:PublicWindow"] = "00:01:00",
    })
    {
        ConfigureServices = services => services.AddSingleton<IStartupFilter, FakeClientAddress>(),
    };

    public Task InitializeAsync() => Factory.ChainAsync();

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }
}

public sealed class RateLimitTests(RateLimitedLedger ledger) : IClassFixture<RateLimitedLedger>
{
    private static readonly string UnknownHash = Hex.Encode(new byte[32]);

    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AClientOverThePublicLimitGetsA429ProblemWithRetryAfter()
    {
        var client = ClientAt("10.0.0.1");
        for (var i = 0; i < RateLimitedLedger.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/verify/{UnknownHash}")).StatusCode);
        }

        var limited = await client.GetAsync($"/api/v1/proofs/{UnknownHash}");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many requests", await limited.Content.ReadAsStringAsync());
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public async Task TheLimitIsCountedPerClientAddress()
    {
        var busy = ClientAt("10.0.0.2");
        for (var i = 0; i <= RateLimitedLedger.Limit; i++)
        {
            await busy.GetAsync($"/api/v1/verify/{UnknownHash}");
        }

        var other = await ClientAt("10.0.0.3").GetAsync($"/api/v1/verify/{UnknownHash}");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await busy.GetAsync($"/api/v1/verify/{UnknownHash}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task StaffEndpointsAreNotHeldBackByThePublicLimit()
    {
        var client = ClientAt("10.0.0.4");
        for (var i = 0; i <= RateLimitedLedger.Limit; i++)
        {
            await client.GetAsync($"/api/v1/verify/{UnknownHash}");
        }
        client.DefaultRequestHeaders.Add("X-Api-Key", _factory.KeyFor(Roles.Auditor));

        var status = await client.GetAsync("/api/v1/status");

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task TheRecordTypesAndTheirSchemasShareThePublicLimit()
    {
        var client = ClientAt("10.0.0.5");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/record-types")).StatusCode);
        for (var i = 1; i < RateLimitedLedger.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/record-types/food-safety/inspection/schema")).StatusCode);
        }

        var limited = await client.GetAsync("/api/v1/record-types/food-safety/inspection/schema?version=1");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    private HttpClient ClientAt(string address)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add(FakeClientAddress.Header, address);
        return client;
    }
}
