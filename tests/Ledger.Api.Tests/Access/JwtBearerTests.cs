using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Ledger.Api.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ledger.Api.Tests.Access;

/// <summary>A service that also accepts tokens from an agency's identity provider (symmetric key in configuration).</summary>
public sealed class JwtLedger : IAsyncLifetime
{
    public const string Issuer = "https://sso.xihu.example.gov.cn";
    public const string Audience = "ledger-api";
    public static readonly byte[] SigningKey = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))];

    /// <summary>The agency's RSA key pair; only its public half is configured.</summary>
    public static readonly RSA AgencyRsa = RSA.Create(2048);

    public LedgerApiFactory Factory { get; } = new(settings: new Dictionary<string, string?>
    {
        ["Auth:Jwt:Issuer"] = Issuer,
        ["Auth:Jwt:Audience"] = Audience,
        ["Auth:Jwt:SigningKeys:0"] = Convert.ToBase64String(SigningKey),
        ["Auth:Jwt:SigningKeys:1"] = AgencyRsa.ExportSubjectPublicKeyInfoPem(),
        ["Auth:Jwt:RoleMap:food-inspector"] = Roles.Inspector,
    });

    public Task InitializeAsync() => Factory.ChainAsync();

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }
}

public sealed class JwtBearerTests(JwtLedger ledger) : IClassFixture<JwtLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AValidTokenWithRoleAndOrganisationClaimsCanSubmitInThatOrganisationsName()
    {
        var client = ClientWith(Token());

        var accepted = await Samples.SubmitAsync(client, Samples.Inspection("L-JWT-1"));

        var id = accepted.GetProperty("id").GetString();
        var stored = await _factory.QueryAsync(db => db.Records.SingleAsync(r => r.Id == id));
        Assert.Equal("demo-market-supervision-bureau", stored.Issuer);
        Assert.Equal("jwt:staff-0017", stored.SubmittedBy);
    }

    [Fact]
    public async Task ATokenSignedWithTheAgencysRsaKeyIsAccepted()
    {
        var credentials = new SigningCredentials(new RsaSecurityKey(JwtLedger.AgencyRsa), SecurityAlgorithms.RsaSha256);

        await Samples.SubmitAsync(ClientWith(Token(credentials: credentials)), Samples.Inspection("L-JWT-RSA"));
    }

    [Fact]
    public async Task TheIdentityProvidersRoleNamesAreMappedToLedgerRoles()
    {
        var client = ClientWith(Token(role: "food-inspector"));

        await Samples.SubmitAsync(client, Samples.Inspection("L-JWT-2"));
    }

    [Fact]
    public async Task ATokensCallerIsJudgedByTheSamePolicyAsAKeys()
    {
        var auditor = await ClientWith(Token(role: Roles.Auditor, organisation: "demo-audit-office")).GetAsync("/api/v1/status");
        var inspector = await ClientWith(Token()).GetAsync("/api/v1/status");
        var wrongDomain = await ClientWith(Token()).PostAsJsonAsync("/api/v1/records", Samples.CheckIn());

        Assert.Equal(HttpStatusCode.OK, auditor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, inspector.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongDomain.StatusCode);
    }

    [Fact]
    public async Task ATokenWhoseRoleDoesNotFitItsOrganisationsKindIsRefusedAndStoresNothing()
    {
        var before = await _factory.QueryAsync(db => db.Records.CountAsync());

        var response = await ClientWith(Token(role: Roles.CorrectionOfficer, organisation: "demo-market-supervision-bureau"))
            .PostAsJsonAsync("/api/v1/records", Samples.CheckIn());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("kind 'market-supervision'", detail);
        Assert.Contains("inspector", detail);
        Assert.Equal(before, await _factory.QueryAsync(db => db.Records.CountAsync()));
    }

    public static TheoryData<string> BadTokens() =>
    [
        "wrong audience",
        "wrong issuer",
        "expired",
        "signed with another key",
        "unsigned",
        "HMAC keyed with the agency's public RSA key",
        "unregistered organisation",
        "no ledger role",
        "two ledger roles",
        "not a token",
    ];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task ABadTokenIsAnUnauthorizedProblem(string flaw)
    {
        var token = flaw switch
        {
            "wrong audience" => Token(audience: "another-api"),
            "wrong issuer" => Token(issuer: "https://sso.elsewhere.example"),
            "expired" => Token(expires: DateTime.UtcNow.AddMinutes(-10)),
            "signed with another key" => Token(key: [.. Enumerable.Repeat((byte)9, 32)]),
            "unsigned" => Unsigned(Token()),
            // Key confusion: the public key is no secret, so an RSA key must never verify an HMAC.
            "HMAC keyed with the agency's public RSA key" => Token(key: System.Text.Encoding.UTF8.GetBytes(JwtLedger.AgencyRsa.ExportSubjectPublicKeyInfoPem())),
            "unregistered organisation" => Token(organisation: "no-such-bureau"),
            "no ledger role" => Token(role: "visitor"),
            "two ledger roles" => Token(role: new[] { Roles.Inspector, Roles.Auditor }),
            _ => "not-a-token",
        };
        var before = await _factory.QueryAsync(db => db.Records.CountAsync());

        var response = await ClientWith(token).PostAsJsonAsync("/api/v1/records", Samples.Inspection("L-JWT-BAD"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(before, await _factory.QueryAsync(db => db.Records.CountAsync()));
    }

    [Fact]
    public async Task AServiceWithoutJwtSettingsRefusesBearerTokens()
    {
        await using var plain = new LedgerApiFactory();
        try
        {
            var client = plain.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token());

            var response = await client.GetAsync("/api/v1/status");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        finally
        {
            await plain.DisposeAsync();
            plain.DeleteData();
        }
    }

    private HttpClient ClientWith(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Token(
        object? role = null, string organisation = "demo-market-supervision-bureau", string audience = JwtLedger.Audience,
        string issuer = JwtLedger.Issuer, DateTime? expires = null, byte[]? key = null, SigningCredentials? credentials = null)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddMinutes(-20),
            NotBefore = exp.AddMinutes(-20),
            Expires = exp,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "staff-0017",
                ["role"] = role ?? Roles.Inspector,
                ["org"] = organisation,
            },
            SigningCredentials = credentials ?? new SigningCredentials(new SymmetricSecurityKey(key ?? JwtLedger.SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }

    // The same claims under alg "none" and with the signature cut off.
    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        return $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.";
    }
}
