using System.Security.Cryptography;
using Ledger.Api.Access.Jwt;
using Microsoft.IdentityModel.Tokens;

namespace Ledger.Api.Tests.Access;

/// <summary>Reading the configured signing keys, and refusing a half-made bearer-token setup at start.</summary>
public sealed class JwtSettingsTests
{
    [Fact]
    public void PemPublicKeysOfRsaAndEcAreRead()
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.IsType<RsaSecurityKey>(Assert.Single(JwtSigningKeys.Parse(rsa.ExportSubjectPublicKeyInfoPem())));
        Assert.IsType<ECDsaSecurityKey>(Assert.Single(JwtSigningKeys.Parse(ec.ExportSubjectPublicKeyInfoPem())));
    }

    [Fact]
    public void AJwkSetYieldsItsSigningKeys()
    {
        using var rsa = RSA.Create(2048);
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)));
        var set = $"{{\"keys\":[{System.Text.Json.JsonSerializer.Serialize(new { kty = jwk.Kty, n = jwk.N, e = jwk.E, use = "sig" })}]}}";

        Assert.Single(JwtSigningKeys.Parse(set));
    }

    [Fact]
    public void AJwkSetWithNoUsableKeyIsRefused()
    {
        Assert.Throws<FormatException>(() => JwtSigningKeys.Parse("{\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAA\"}]}").ToList());
    }

    [Theory]
    [InlineData("c2hvcnQ=", "at least 32 bytes")]
    [InlineData("not base64 at all!", "neither PEM")]
    public void AnUnusableKeyIsRefusedWithoutQuotingIt(string key, string reason)
    {
        var error = Assert.Throws<FormatException>(() => JwtSigningKeys.Parse(key).ToList());

        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain(key, error.Message);
    }

    [Fact]
    public void AnIssuerWithoutAudienceOrKeysStopsTheServiceNamingTheSettings()
    {
        var result = new JwtOptionsValidator().Validate(null, new JwtOptions { Issuer = "https://sso.example", RoleMap = { ["boss"] = "superuser" } });

        Assert.True(result.Failed);
        Assert.Contains("Auth:Jwt:Audience", result.FailureMessage);
        Assert.Contains("Auth:Jwt:SigningKeys", result.FailureMessage);
        Assert.Contains("Auth:Jwt:RoleMap:boss", result.FailureMessage);
    }

    [Fact]
    public void AnIdentityProvidersMetadataStandsInForConfiguredKeys()
    {
        var options = new JwtOptions { Issuer = "https://sso.example", Audience = "ledger-api", Authority = "https://sso.example" };

        Assert.True(new JwtOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Authority")]
    [InlineData("MetadataAddress")]
    public void MetadataOverPlainHttpStopsTheServiceUnlessHttpsMetadataIsTurnedOff(string setting)
    {
        const string plain = "http://127.0.0.1:8080";
        var options = setting == "Authority"
            ? new JwtOptions { Issuer = plain, Audience = "ledger-api", Authority = plain }
            : new JwtOptions { Issuer = plain, Audience = "ledger-api", MetadataAddress = $"{plain}/.well-known/openid-configuration" };

        var refused = new JwtOptionsValidator().Validate(null, options);
        options.RequireHttpsMetadata = false;
        var allowed = new JwtOptionsValidator().Validate(null, options);

        Assert.True(refused.Failed);
        Assert.Contains($"Auth:Jwt:{setting}", refused.FailureMessage);
        Assert.Contains("Auth:Jwt:RequireHttpsMetadata", refused.FailureMessage);
        Assert.True(allowed.Succeeded);
    }

    [Fact]
    public void AMetadataAddressThatIsNoAbsoluteUrlStopsTheService()
    {
        var options = new JwtOptions { Issuer = "https://sso.example", Audience = "ledger-api", MetadataAddress = "sso.example/.well-known/openid-configuration" };

        var result = new JwtOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Auth:Jwt:MetadataAddress", result.FailureMessage);
    }

    [Fact]
    public void WithoutAnIssuerBearerTokensAreSimplyOff()
    {
        Assert.True(new JwtOptionsValidator().Validate(null, new JwtOptions()).Succeeded);
    }
}
