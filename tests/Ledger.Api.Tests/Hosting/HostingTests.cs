using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ledger.Api.Tests.Hosting;

public sealed class HostingTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task LivenessAnswersWithoutCheckingDependencies()
    {
        var response = await _factory.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadinessReportsTheDatabaseAndTheChainHead()
    {
        var body = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/health/ready");

        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var chain = body.GetProperty("checks").GetProperty("chain");
        Assert.Equal("Healthy", chain.GetProperty("status").GetString());
        Assert.Equal(31337, chain.GetProperty("data").GetProperty("chainId").GetInt64());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task SwaggerDescribesTheRecordAndVerificationEndpoints()
    {
        var document = await _factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json");

        Assert.Contains("/api/v1/records", document);
        Assert.Contains("/api/v1/verify/{recordHash}", document);
        Assert.Contains("/api/v1/proofs/{recordHash}", document);
        Assert.Contains("X-Api-Key", document);
    }

    [Fact]
    public async Task TheSwaggerUiIsServed()
    {
        var response = await _factory.CreateClient().GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
