using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.Tokens;

namespace Ledger.Api.Tests.Access;

/// <summary>
/// Keys from the identity provider's discovery document (<c>Auth:Jwt:Authority</c>), fetched over real HTTP from a
/// provider on a loopback port. Each test owns its provider and service: the handler fetches metadata again at most
/// once per refresh interval, so a shared one would make the tests depend on each other's order.
/// </summary>
public sealed class JwtMetadataTests : IAsyncLifetime
{
    private static readonly byte[] ConfiguredKey = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 11))];

    private LoopbackIdentityProvider _provider = null!;
    private LedgerApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _provider = await LoopbackIdentityProvider.StartAsync();
        _factory = new LedgerApiFactory(settings: new Dictionary<string, string?>
        {
            ["Auth:Jwt:Issuer"] = _provider.Address,
            ["Auth:Jwt:Audience"] = BearerTokens.Audience,
            ["Auth:Jwt:Authority"] = _provider.Address,
            // The loopback provider speaks plain HTTP; a real one must use https (the default).
            ["Auth:Jwt:RequireHttpsMetadata"] = "false",
            ["Auth:Jwt:SigningKeys:0"] = Convert.ToBase64String(ConfiguredKey),
            ["Anchoring:Enabled"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _factory.DeleteData();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task ATokenSignedWithAKeyTheIdentityProviderPublishesIsAccepted()
    {
        var key = LoopbackIdentityProvider.NewKey("2026-11");
        _provider.Publish(key);

        await Samples.SubmitAsync(ClientWith(key), Samples.Inspection("L-OIDC-1"));
    }

    [Fact]
    public async Task AfterTheProviderRotatesItsKeysATokenSignedWithTheNewKeyIsAccepted()
    {
        var old = LoopbackIdentityProvider.NewKey("2026-11");
        var next = LoopbackIdentityProvider.NewKey("2026-12");
        _provider.Publish(old);
        await Samples.SubmitAsync(ClientWith(old), Samples.Inspection("L-OIDC-2"));
        var fetchedBefore = _provider.KeySetRequests;

        _provider.Publish(next);
        var answer = await SubmitUntilNotUnauthorizedAsync(ClientWith(next), "L-OIDC-3");

        Assert.Equal(HttpStatusCode.Accepted, answer);
        Assert.True(_provider.KeySetRequests > fetchedBefore, "The key set was not fetched again.");
    }

    [Fact]
    public async Task ATokenSignedWithAKeyTheProviderNeverPublishedIsAnUnauthorizedProblem()
    {
        _provider.Publish(LoopbackIdentityProvider.NewKey("2026-11"));

        var response = await ClientWith(LoopbackIdentityProvider.NewKey("2026-11")).PostAsJsonAsync("/api/v1/records", Samples.Inspection("L-OIDC-4"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task KeysInTheConfigurationKeepWorkingBesideThePublishedOnes()
    {
        _provider.Publish(LoopbackIdentityProvider.NewKey("2026-11"));
        var configured = new SigningCredentials(new SymmetricSecurityKey(ConfiguredKey), SecurityAlgorithms.HmacSha256);

        await Samples.SubmitAsync(ClientWith(configured), Samples.Inspection("L-OIDC-5"));
    }

    [Fact]
    public async Task WhileTheProviderIsUnreachableItsTokensAreUnauthorizedAndConfiguredKeysStillWork()
    {
        var key = LoopbackIdentityProvider.NewKey("2026-11");
        _provider.Publish(key);
        await _provider.DisposeAsync();
        var configured = new SigningCredentials(new SymmetricSecurityKey(ConfiguredKey), SecurityAlgorithms.HmacSha256);

        var response = await ClientWith(key).PostAsJsonAsync("/api/v1/records", Samples.Inspection("L-OIDC-8"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await Samples.SubmitAsync(ClientWith(configured), Samples.Inspection("L-OIDC-9"));
    }

    [Fact]
    public async Task TheDiscoveryDocumentsIssuerDoesNotStandInForTheConfiguredOne()
    {
        const string other = "https://sso.elsewhere.example";
        _provider.DocumentIssuer = other;
        var key = LoopbackIdentityProvider.NewKey("2026-11");
        _provider.Publish(key);
        var token = BearerTokens.Create(key, other, DateTimeOffset.UtcNow.AddMinutes(10));

        var response = await BearerTokens.ClientWith(_factory, token).PostAsJsonAsync("/api/v1/records", Samples.Inspection("L-OIDC-6"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Samples.SubmitAsync(ClientWith(key), Samples.Inspection("L-OIDC-7"));
    }

    // A token naming a key the service does not hold makes the handler fetch the key set again in the background
    // (it does not wait for it), so that token may be refused; the next ones are judged by the new set.
    private static async Task<HttpStatusCode> SubmitUntilNotUnauthorizedAsync(HttpClient client, string lot)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var response = await client.PostAsJsonAsync("/api/v1/records", Samples.Inspection(lot));
            if (response.StatusCode != HttpStatusCode.Unauthorized || DateTime.UtcNow > deadline)
            {
                return response.StatusCode;
            }
            await Task.Delay(50);
        }
    }

    private HttpClient ClientWith(SigningCredentials key) =>
        BearerTokens.ClientWith(_factory, BearerTokens.Create(key, _provider.Address, DateTimeOffset.UtcNow.AddMinutes(10)));
}
