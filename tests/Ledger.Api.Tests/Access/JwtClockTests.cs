using System.Net;
using System.Net.Http.Json;
using Ledger.Data.Organisations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ledger.Api.Tests.Access;

/// <summary>
/// A service whose clock stands still at a past instant, so a token's lifetime is judged against a time the test
/// controls and that the machine's clock cannot be confused with.
/// </summary>
/// <remarks>
/// Its chain is external and never reachable, so start-up waits on no timer of the frozen clock (deploying the
/// embedded chain's contract would poll for its receipt on that clock); records are accepted while the chain is away.
/// </remarks>
public sealed class FrozenClockLedger : IAsyncLifetime
{
    public const string Issuer = "https://sso.xihu.example.gov.cn";
    public const string Organisation = "cn-330106-market-supervision";
    public static readonly byte[] SigningKey = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 5))];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public LedgerApiFactory Factory { get; }

    public FrozenClockLedger() => Factory = new LedgerApiFactory(settings: new Dictionary<string, string?>
    {
        ["Auth:Jwt:Issuer"] = Issuer,
        ["Auth:Jwt:Audience"] = BearerTokens.Audience,
        ["Auth:Jwt:SigningKeys:0"] = Convert.ToBase64String(SigningKey),
        ["Chain:RpcUrl"] = "http://127.0.0.1:9/",
        ["Chain:ChainId"] = "4242",
        ["Chain:ContractAddress"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        ["Chain:PrivateKey"] = "0x" + new string('1', 64),
        ["Anchoring:Enabled"] = "false",
    })
    {
        ConfigureServices = s => s.AddSingleton<TimeProvider>(Clock),
    };

    public Task InitializeAsync() => Factory.QueryAsync(db => new OrganisationRegistry(db, Clock)
        .CreateAsync(Organisation, "Xihu District Market Supervision Bureau", OrganisationKinds.MarketSupervision, "330106", default));

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }
}

/// <summary>Token lifetimes are judged by the service's clock with <c>Auth:Jwt:ClockSkew</c> (one minute by default).</summary>
public sealed class JwtClockTests(FrozenClockLedger ledger) : IClassFixture<FrozenClockLedger>
{
    private static readonly SigningCredentials Key = new(new SymmetricSecurityKey(FrozenClockLedger.SigningKey), SecurityAlgorithms.HmacSha256);

    // Read at each test: one test moves the clock forward, and the others must not depend on running before it.
    private DateTimeOffset Now => ledger.Clock.GetUtcNow();

    [Fact]
    public async Task ATokenIsJudgedByTheServicesClockNotTheMachines()
    {
        // Long expired by the machine's clock; ten minutes to go by the service's.
        Assert.Equal(HttpStatusCode.Accepted, await SubmitAsync(Token(expires: Now.AddMinutes(10))));
    }

    [Fact]
    public async Task ATokenIsRefusedOnceTheServicesClockPassesItsExpiryAndTheSkew()
    {
        var token = Token(expires: Now.AddMinutes(10));
        Assert.Equal(HttpStatusCode.Accepted, await SubmitAsync(token));

        ledger.Clock.Advance(TimeSpan.FromMinutes(11) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, await SubmitAsync(token));
    }

    [Fact]
    public async Task ATokenExpiredWithinTheClockSkewIsAccepted()
    {
        Assert.Equal(HttpStatusCode.Accepted, await SubmitAsync(Token(expires: Now.AddSeconds(-30))));
    }

    [Fact]
    public async Task ATokenExpiredBeyondTheClockSkewIsRefused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await SubmitAsync(Token(expires: Now.AddMinutes(-2))));
    }

    [Fact]
    public async Task ATokenNotYetValidWithinTheClockSkewIsAccepted()
    {
        Assert.Equal(HttpStatusCode.Accepted, await SubmitAsync(Token(expires: Now.AddMinutes(20), notBefore: Now.AddSeconds(30))));
    }

    [Fact]
    public async Task ATokenNotYetValidBeyondTheClockSkewIsRefused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await SubmitAsync(Token(expires: Now.AddMinutes(20), notBefore: Now.AddMinutes(2))));
    }

    [Fact]
    public async Task ATokenWithoutExpiryIsRefused()
    {
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = FrozenClockLedger.Issuer,
            Audience = BearerTokens.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "staff-0017", ["role"] = "inspector", ["org"] = FrozenClockLedger.Organisation },
            SigningCredentials = Key,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, await SubmitAsync(token));
    }

    private static string Token(DateTimeOffset expires, DateTimeOffset? notBefore = null) =>
        BearerTokens.Create(Key, FrozenClockLedger.Issuer, expires, notBefore, organisation: FrozenClockLedger.Organisation);

    private async Task<HttpStatusCode> SubmitAsync(string token) =>
        (await BearerTokens.ClientWith(ledger.Factory, token).PostAsJsonAsync("/api/v1/records", Samples.Inspection("L-CLOCK"))).StatusCode;
}
