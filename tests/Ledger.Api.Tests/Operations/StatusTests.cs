using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Cli;

namespace Ledger.Api.Tests.Operations;

public sealed class StatusTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AnAuditorSeesTheBacklogTheChainHeadAndRecentBatches()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());
        await _factory.WaitForStatusAsync(accepted.GetProperty("recordHash").GetString()!, "confirmed");

        var status = await _factory.ClientFor(Roles.Auditor).GetFromJsonAsync<JsonElement>("/api/v1/status");

        var chain = status.GetProperty("chain");
        Assert.True(chain.GetProperty("connected").GetBoolean());
        Assert.True(chain.GetProperty("head").GetUInt64() >= 2);
        Assert.Equal((await _factory.ChainAsync()).Contract.Address, chain.GetProperty("contract").GetString());
        var batch = status.GetProperty("recentBatches")[0];
        Assert.Equal("confirmed", batch.GetProperty("state").GetString());
        Assert.Equal(0, status.GetProperty("stuck").GetArrayLength());
    }

    [Theory]
    [InlineData(Roles.Inspector)]
    [InlineData(Roles.CorrectionOfficer)]
    public async Task StaffWhoAreNotOperatorsCannotSeeTheStatus(string role)
    {
        var response = await _factory.ClientFor(role).GetAsync("/api/v1/status");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheCliPrintsTheStatusOfARunningService()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ledger-status-").FullName;
        try
        {
            await using var service = await Hosting.ServiceProcess.StartAsync(dataDirectory, TimeSpan.FromSeconds(90));
            var output = new StringWriter();
            var error = new StringWriter();

            var code = await CliApp.RunAsync(["status", "--api", service.BaseAddress.ToString(), "--key", service.BannerValue(Roles.Admin)], output, error);

            Assert.True(code == 0, error.ToString());
            Assert.Contains("backlog: 0 records waiting", output.ToString());
            Assert.Contains("chain:   31337 head ", output.ToString());
            await service.TerminateAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
