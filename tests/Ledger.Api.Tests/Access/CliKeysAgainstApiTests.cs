using System.Net;
using System.Net.Http.Json;
using Ledger.Api.Access;
using Ledger.Cli;

namespace Ledger.Api.Tests.Access;

/// <summary>Keys an operator issues with the CLI, on the running service's own data folder.</summary>
public sealed class CliKeysAgainstApiTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AKeyCreatedWithTheCliWorksAtOnceAndStopsWorkingWhenRevoked()
    {
        _ = _factory.Server;
        await RunAsync("orgs", "create", "--id", "cn-330105-market-supervision", "--name", "Gongshu District Market Supervision Bureau",
            "--kind", "market-supervision", "--area-code", "330105");
        var created = await RunAsync("keys", "create", "--org", "cn-330105-market-supervision", "--role", Roles.Inspector, "--label", "badge 4411");
        var key = created.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("ldg_", StringComparison.Ordinal));
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var accepted = await Samples.SubmitAsync(client, Samples.Inspection("L-CLI-1"));
        await RunAsync("keys", "revoke", key[..12]);
        var afterRevocation = await client.PostAsJsonAsync("/api/v1/records", Samples.Inspection("L-CLI-2"));

        Assert.Equal("pending", accepted.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevocation.StatusCode);
    }

    private async Task<string> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args.Take(2), "--data-dir", _factory.DataDirectory, .. args.Skip(2)], output, error);
        Assert.True(code == 0, $"ledger {string.Join(' ', args)} exited {code}: {error}");
        return output.ToString();
    }
}
