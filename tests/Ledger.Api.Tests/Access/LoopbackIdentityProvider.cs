using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Ledger.Api.Tests.Access;

/// <summary>
/// An agency's identity provider, as far as the ledger sees one: an OpenID Connect discovery document and a key set
/// (JWKS), served over plain HTTP on a free loopback port. The test decides which keys are published, and when.
/// </summary>
internal sealed class LoopbackIdentityProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile IReadOnlyList<RsaSecurityKey> _published = [];
    private int _keySetRequests;
    private int _stopped;

    private LoopbackIdentityProvider(WebApplication app) => _app = app;

    /// <summary>Its base address, which is also the issuer of its tokens (no trailing slash).</summary>
    public string Address { get; private set; } = "";

    /// <summary>The <c>issuer</c> its discovery document states; <see cref="Address"/> unless a test says otherwise.</summary>
    public string? DocumentIssuer { get; set; }

    /// <summary>How many times the key set was fetched.</summary>
    public int KeySetRequests => Volatile.Read(ref _keySetRequests);

    public static async Task<LoopbackIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var provider = new LoopbackIdentityProvider(builder.Build());
        provider._app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.DocumentIssuer ?? provider.Address,
            ["jwks_uri"] = $"{provider.Address}/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        provider._app.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref provider._keySetRequests);
            return Results.Json(new { keys = provider._published.Select(PublicJwk) });
        });
        await provider._app.StartAsync();
        provider.Address = provider._app.Urls.Single().TrimEnd('/');
        return provider;
    }

    /// <summary>A new RSA signing key named <paramref name="keyId"/>; not published until <see cref="Publish"/>.</summary>
    public static SigningCredentials NewKey(string keyId) =>
        new(new RsaSecurityKey(RSA.Create(2048)) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);

    /// <summary>Replaces the published key set with the public halves of <paramref name="keys"/>.</summary>
    public void Publish(params SigningCredentials[] keys) => _published = [.. keys.Select(k => (RsaSecurityKey)k.Key)];

    private static object PublicJwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            kty = "RSA",
            use = "sig",
            alg = SecurityAlgorithms.RsaSha256,
            kid = key.KeyId,
            n = Base64UrlEncoder.Encode(parameters.Modulus),
            e = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    /// <summary>Stops serving: the provider is unreachable from then on. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
