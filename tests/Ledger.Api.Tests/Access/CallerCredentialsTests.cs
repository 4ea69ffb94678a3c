using System.Net;
using Ledger.Api.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Access;

/// <summary>
/// Authentication runs once for a request with a credential and not at all for one without (CallerCredentials): public
/// look-ups build no handlers, and WebApplication adds no second authentication middleware of its own.
/// </summary>
public sealed class CallerCredentialsTests : IAsyncLifetime
{
    private readonly HandlerRequests _requests = new();
    private readonly LedgerApiFactory _factory;

    public CallerCredentialsTests()
    {
        _factory = new LedgerApiFactory
        {
            ConfigureServices = services => services.AddScoped<IAuthenticationHandlerProvider>(sp =>
                new CountingHandlerProvider(new AuthenticationHandlerProvider(sp.GetRequiredService<IAuthenticationSchemeProvider>()), _requests)),
        };
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task AnAnonymousLookUpBuildsNoAuthenticationHandler()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());
        var hash = accepted.GetProperty("recordHash").GetString()!;
        var anonymous = _factory.CreateClient();
        _requests.Reset();

        var verify = await anonymous.GetAsync($"/api/v1/verify/{hash}");
        var proof = await anonymous.GetAsync($"/api/v1/proofs/{hash}");

        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Equal(HttpStatusCode.OK, proof.StatusCode);
        Assert.Equal(0, _requests.Count);
    }

    [Fact]
    public async Task ACallerWithAKeyIsAuthenticatedOnceThroughThePolicyScheme()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        _requests.Reset();

        await Samples.SubmitAsync(inspector, Samples.Inspection("L-CREDENTIALS-1"));

        // The policy scheme and the API-key scheme it forwards to: one authentication, not two.
        Assert.Equal(["Ledger", ApiKeyAuthenticationHandler.SchemeName], _requests.Schemes);
    }

    [Fact]
    public async Task WithoutACredentialAProtectedEndpointStillChallenges()
    {
        var response = await _factory.CreateClient().PostAsync("/api/v1/records", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(ApiKeyAuthenticationHandler.HeaderName, response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private sealed class HandlerRequests
    {
        private readonly List<string> _schemes = [];

        public int Count
        {
            get
            {
                lock (_schemes)
                {
                    return _schemes.Count;
                }
            }
        }

        public IReadOnlyList<string> Schemes
        {
            get
            {
                lock (_schemes)
                {
                    return [.. _schemes];
                }
            }
        }

        public void Add(string scheme)
        {
            lock (_schemes)
            {
                _schemes.Add(scheme);
            }
        }

        public void Reset()
        {
            lock (_schemes)
            {
                _schemes.Clear();
            }
        }
    }

    private sealed class CountingHandlerProvider(IAuthenticationHandlerProvider inner, HandlerRequests requests) : IAuthenticationHandlerProvider
    {
        public Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme)
        {
            requests.Add(authenticationScheme);
            return inner.GetHandlerAsync(context, authenticationScheme);
        }
    }
}
