using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Core.Encoding;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Anchoring;

public sealed class AnchoringTests
{
    [Fact]
    public async Task RecordsSubmittedTogetherShareOneAnchorTransaction()
    {
        var factory = new LedgerApiFactory(settings: new Dictionary<string, string?> { ["Anchoring:BatchInterval"] = "00:00:01" });
        try
        {
            var client = factory.ClientFor(Roles.Inspector);
            await factory.ChainAsync();
            var hashes = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                hashes.Add((await Samples.SubmitAsync(client, Samples.Inspection($"L-{i}"))).GetProperty("recordHash").GetString()!);
            }

            var bundles = new List<JsonElement>();
            foreach (var hash in hashes)
            {
                bundles.Add(await factory.WaitForStatusAsync(hash, "anchored", "confirmed"));
            }

            var txs = bundles.Select(b => b.GetProperty("anchor").GetProperty("txHash").GetString()).Distinct().ToList();
            Assert.Single(txs);
            var batch = await factory.QueryAsync(db => db.Batches.SingleAsync());
            Assert.Equal(5, batch.LeafCount);
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task ARestartKeepsRecordsBatchesTheContractAndTheChain()
    {
        string dataDirectory;
        string hash;
        JsonElement before;
        string contract;
        await using (var first = new LedgerApiFactory())
        {
            dataDirectory = first.DataDirectory;
            var accepted = await Samples.SubmitAsync(first.ClientFor(Roles.CommunityWorker), Samples.VolunteerService());
            hash = accepted.GetProperty("recordHash").GetString()!;
            before = await first.WaitForStatusAsync(hash, "confirmed");
            contract = (await first.ChainAsync()).Contract.Address;
        }

        var second = new LedgerApiFactory(dataDirectory);
        try
        {
            var chain = await second.ChainAsync();
            var after = await second.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/proofs/{hash}");
            var root = before.GetProperty("merkle").GetProperty("root").GetString()!;

            Assert.Equal(contract, chain.Contract.Address);
            Assert.Equal(before.ToString(), after.ToString());
            Assert.Equal(before.GetProperty("anchor").GetProperty("timestamp").GetInt64(), await chain.Contract.AnchoredAtAsync(Hex.DecodeFixed(root, 32)));
            var next = await Samples.SubmitAsync(second.ClientFor(Roles.CommunityWorker), Samples.VolunteerService());
            await second.WaitForStatusAsync(next.GetProperty("recordHash").GetString()!, "confirmed");
        }
        finally
        {
            await second.DisposeAsync();
            second.DeleteData();
        }
    }
}
