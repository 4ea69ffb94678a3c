using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;

namespace Ledger.Api.Tests.Chain;

/// <summary>
/// While the chain node is away or failing, the API keeps accepting records and says the chain is degraded; anchoring
/// retries with capped backoff and drains the backlog when the node is back, anchoring every root exactly once.
/// </summary>
public sealed class ChainOutageTests
{
    private static readonly Dictionary<string, string?> QuickRetries = new() { ["Anchoring:MaxBackoff"] = "00:00:00.400" };

    [Fact]
    public async Task RecordsAreAcceptedWhileTheNodeIsDownAndEachIsAnchoredOnceWhenItReturns()
    {
        await using var chain = await ExternalChain.StartAsync();
        var factory = new LedgerApiFactory(settings: chain.Settings(QuickRetries));
        try
        {
            var client = await InspectorAsync(factory);
            await factory.WaitForStatusAsync(await SubmitAsync(client, "before"), "confirmed");

            await chain.Node.StopAsync();
            var during = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                during.Add(await SubmitAsync(client, $"during-{i}"));
            }
            var ready = await WaitForAnchoringToRetryAsync(factory);

            Assert.Equal("Degraded", ready.GetProperty("checks").GetProperty("chain").GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/live")).StatusCode);

            await chain.Node.RestartAsync();
            foreach (var record in during)
            {
                await factory.WaitForStatusAsync(record, "confirmed");
            }
            await chain.AssertEachRecordAnchoredOnceAsync(factory, expectedRecords: 4);
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task ANodeThatAnswersWithErrorsIsRetriedUntilItRecoversAndNothingIsLost()
    {
        await using var chain = await ExternalChain.StartAsync();
        await using var proxy = RpcFaultProxy.Start(chain.Node.RpcUrl);
        var settings = chain.Settings(QuickRetries);
        settings["Chain:RpcUrl"] = proxy.Url.ToString();
        var factory = new LedgerApiFactory(settings: settings);
        try
        {
            var client = await InspectorAsync(factory);

            proxy.Fault = RpcFault.ServerError;
            var first = await SubmitAsync(client, "while-5xx");
            var ready = await WaitForAnchoringToRetryAsync(factory);
            Assert.Equal("Degraded", ready.GetProperty("checks").GetProperty("chain").GetProperty("status").GetString());
            proxy.Fault = RpcFault.JsonRpcError;
            var second = await SubmitAsync(client, "while-rpc-errors");
            await WaitForAnchoringToRetryAsync(factory);
            Assert.Equal("pending", (await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/proofs/{first}")).GetProperty("status").GetString());

            proxy.Fault = RpcFault.None;
            await factory.WaitForStatusAsync(first, "confirmed");
            await factory.WaitForStatusAsync(second, "confirmed");
            await chain.AssertEachRecordAnchoredOnceAsync(factory, expectedRecords: 2);
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    private static async Task<HttpClient> InspectorAsync(LedgerApiFactory factory)
    {
        await factory.ChainAsync();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateKeyAsync(Roles.Inspector, "outage-market-bureau"));
        return client;
    }

    private static async Task<string> SubmitAsync(HttpClient client, string lot) =>
        (await Samples.SubmitAsync(client, Samples.Inspection(lot))).GetProperty("recordHash").GetString()!;

    // Readiness once anchoring has failed at least once since now: proof that it is retrying, not idle.
    private static async Task<JsonElement> WaitForAnchoringToRetryAsync(LedgerApiFactory factory)
    {
        var client = factory.CreateClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var response = await client.GetAsync("/health/ready");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (body.GetProperty("checks").GetProperty("anchoring").GetProperty("status").GetString() == "Degraded")
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return body;
            }
            Assert.True(DateTime.UtcNow < deadline, "Anchoring never reported a failed attempt.");
            await Task.Delay(50);
        }
    }
}
