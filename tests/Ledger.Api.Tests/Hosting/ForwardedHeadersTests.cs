using System.Net;
using Ledger.Api.Tests.Security;
using Ledger.Core.Encoding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Hosting;

/// <summary>
/// A service behind proxies in 10.9.0.0/24 and at 192.0.2.10 (Hosting:TrustedProxies), three public requests per
/// address a minute, and metrics for 203.0.113.60 only. The test server's peer address is set per request
/// (<see cref="FakeClientAddress"/>), as the TCP connection would set it.
/// </summary>
public sealed class ProxiedLedger : IAsyncLifetime
{
    public const int Limit = 3;

    public LedgerApiFactory Factory { get; } = new(settings: new Dictionary<string, string?>
    {
        ["RateLimits:PublicPermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:PublicWindow"] = "00:01:00",
        ["Hosting:TrustedProxies:0"] = "10.9.0.0/24",
        ["Hosting:TrustedProxies:1"] = "192.0.2.10",
        ["Metrics:AllowedNetworks:0"] = "203.0.113.60/32",
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

public sealed class ForwardedHeadersTests(ProxiedLedger ledger) : IClassFixture<ProxiedLedger>
{
    private static readonly string UnknownHash = Hex.Encode(new byte[32]);

    [Fact]
    public async Task AClientBehindATrustedProxyIsCountedUnderItsOwnAddress()
    {
        for (var i = 0; i < ProxiedLedger.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await VerifyAsync(peer: "10.9.0.7", forwardedFor: "203.0.113.1")).StatusCode);
        }

        var overLimit = await VerifyAsync(peer: "10.9.0.7", forwardedFor: "203.0.113.1");
        var neighbour = await VerifyAsync(peer: "10.9.0.7", forwardedFor: "203.0.113.2");

        Assert.Equal(HttpStatusCode.TooManyRequests, overLimit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, neighbour.StatusCode);
    }

    [Fact]
    public async Task ASpoofedForwardedForFromAnUntrustedPeerIsIgnored()
    {
        for (var i = 0; i < ProxiedLedger.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await VerifyAsync(peer: "198.51.100.20", forwardedFor: $"203.0.113.{100 + i}")).StatusCode);
        }

        var spoofed = await VerifyAsync(peer: "198.51.100.20", forwardedFor: "203.0.113.200");

        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed.StatusCode);
    }

    [Fact]
    public async Task AChainOfTrustedProxiesIsWalkedBackToTheFirstAddressNoneOfThemIs()
    {
        // The client wrote 6.6.6.6 itself; the first trusted proxy saw 203.0.113.60, the second saw the first.
        var scrape = await MetricsAsync(peer: "192.0.2.10", forwardedFor: "6.6.6.6, 203.0.113.60, 10.9.0.8");

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("ledger_records_accepted_total", await scrape.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MetricsAreRefusedToAnyoneOutsideTheAllowedNetworksWhateverTheyForward()
    {
        var spoofing = await MetricsAsync(peer: "198.51.100.21", forwardedFor: "203.0.113.60");
        var proxiedOutsider = await MetricsAsync(peer: "10.9.0.7", forwardedFor: "203.0.113.61");
        var loopbackNotListed = await MetricsAsync(peer: "127.0.0.1", forwardedFor: null);

        Assert.All([spoofing, proxiedOutsider, loopbackNotListed], r =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
        Assert.DoesNotContain("ledger_", await spoofing.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> VerifyAsync(string peer, string? forwardedFor) => SendAsync($"/api/v1/verify/{UnknownHash}", peer, forwardedFor);

    private Task<HttpResponseMessage> MetricsAsync(string peer, string? forwardedFor) => SendAsync("/metrics", peer, forwardedFor);

    private async Task<HttpResponseMessage> SendAsync(string path, string peer, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(FakeClientAddress.Header, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return await ledger.Factory.CreateClient().SendAsync(request);
    }
}
