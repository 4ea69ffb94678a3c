using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Chain;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>
/// The running worker takes the chain from <see cref="ChainRuntime"/> for every cycle, so a chain published again (the
/// embedded node restarted, the contract deployed again) is used without restarting the service.
/// </summary>
public sealed class RepublishedChainTests
{
    [Fact]
    public async Task RecordsAreAnchoredInTheContractPublishedWhileTheServiceRuns()
    {
        var factory = new LedgerApiFactory();
        try
        {
            var first = await factory.ChainAsync();
            var inspector = factory.ClientFor(Roles.Inspector);
            var before = await SubmitAsync(inspector, "L-before");
            await factory.WaitForStatusAsync(before, "confirmed");

            // The service's own sender, so the deployment cannot collide with the worker's nonces.
            var replacement = await LedgerAnchorContract.DeployAsync(first.Client, first.Sender, first.Sender.Address, first.Sender.Address, TimeSpan.FromSeconds(30));
            factory.Services.GetRequiredService<ChainRuntime>().SetReady(first with { Contract = replacement });
            var after = await SubmitAsync(inspector, "L-after");
            var proof = await factory.WaitForStatusAsync(after, "confirmed");

            Assert.NotEqual(first.Contract.Address, replacement.Address);
            Assert.Equal(replacement.Address, proof.GetProperty("anchor").GetProperty("contract").GetString(), ignoreCase: true);
            var root = Hex.DecodeFixed(proof.GetProperty("merkle").GetProperty("root").GetString()!, 32);
            Assert.NotEqual(0, await replacement.AnchoredAtAsync(root));
            Assert.Equal(0, await first.Contract.AnchoredAtAsync(root));
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    private static async Task<string> SubmitAsync(HttpClient client, string lot)
    {
        var response = await client.PostAsJsonAsync("/api/v1/records", Samples.Inspection(lot));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordHash").GetString()!;
    }
}
