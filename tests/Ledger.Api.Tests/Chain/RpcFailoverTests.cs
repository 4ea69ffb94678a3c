using Ledger.Api.Access;
using Ledger.Testing;

namespace Ledger.Api.Tests.Chain;

/// <summary>
/// Chain:FallbackRpcUrls: when the first node fails, anchoring goes on through the next one without waiting for the
/// first to come back, and every root is still anchored exactly once; a fallback serving another chain stops the start.
/// </summary>
public sealed class RpcFailoverTests
{
    [Fact]
    public async Task WhenThePrimaryNodeFailsRecordsAreAnchoredThroughTheFallbackExactlyOnce()
    {
        await using var chain = await ExternalChain.StartAsync();
        await using var primary = RpcFaultProxy.Start(chain.Node.RpcUrl);
        var settings = chain.Settings(new Dictionary<string, string?> { ["Anchoring:MaxBackoff"] = "00:00:00.400" });
        settings["Chain:RpcUrl"] = primary.Url.ToString();
        settings["Chain:FallbackRpcUrls:0"] = chain.Node.RpcUrl.ToString();
        var factory = new LedgerApiFactory(settings: settings);
        try
        {
            var client = await InspectorAsync(factory);
            await factory.WaitForStatusAsync(await SubmitAsync(client, "through-primary"), "confirmed");
            var sentBefore = primary.Requests;

            primary.Fault = RpcFault.ServerError;
            var during = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                during.Add(await SubmitAsync(client, $"through-fallback-{i}"));
            }
            foreach (var record in during)
            {
                await factory.WaitForStatusAsync(record, "confirmed");
            }

            // The primary was tried (and failed) while the fallback anchored: the failover, not a recovery, did it.
            Assert.True(primary.Requests > sentBefore, "The primary node was never asked while it failed.");
            await chain.AssertEachRecordAnchoredOnceAsync(factory, expectedRecords: 4);
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task AFallbackNodeOfAnotherChainStopsStartupNamingIt()
    {
        await using var chain = await ExternalChain.StartAsync();
        await using var other = await AnvilNode.StartAsync(chainId: 4243);
        var settings = chain.Settings();
        settings["Chain:FallbackRpcUrls:0"] = other.RpcUrl.ToString();

        var error = await LedgerApiFactory.StartupErrorAsync(settings);

        Assert.Contains($"http://{other.RpcUrl.Authority}/ reports chain id 4243", error);
        Assert.Contains("wrong network", error);
    }

    private static async Task<HttpClient> InspectorAsync(LedgerApiFactory factory)
    {
        await factory.ChainAsync();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateKeyAsync(Roles.Inspector, "failover-market-bureau"));
        return client;
    }

    private static async Task<string> SubmitAsync(HttpClient client, string lot) =>
        (await Samples.SubmitAsync(client, Samples.Inspection(lot))).GetProperty("recordHash").GetString()!;
}
