using Ledger.Api.Tests.Anchoring;
using Ledger.Data.Anchoring;

namespace Ledger.Api.Tests.Chain;

/// <summary>A node restarted from an older state file has forgotten our anchors: detect it and anchor again.</summary>
public sealed class ChainStateLossTests
{
    [Fact]
    public async Task ANodeRestartedFromAnOlderStateIsDetectedAndEveryLostBatchIsAnchoredAgain()
    {
        await using var chain = await ExternalChain.StartAsync();
        var older = await chain.Node.SaveStateAsync();
        await using var ledger = await SteppedLedger.StartAsync(chain.Settings());
        var first = await ledger.SubmitAsync("L-1");
        await ledger.StepAsync();
        var second = await ledger.SubmitAsync("L-2");
        await ledger.StepAsync();
        Assert.Equal("confirmed", await ledger.StatusAsync(second));

        await chain.Node.RestartAsync(older);
        await ledger.StepAsync();

        Assert.Equal("pending", await ledger.StatusAsync(first));
        Assert.Equal("pending", await ledger.StatusAsync(second));
        Assert.Equal(BatchState.Submitted, (await ledger.BatchOfAsync(second)).State);

        await ledger.StepAsync();

        foreach (var record in new[] { first, second })
        {
            var proof = await ledger.ProofAsync(record);
            Assert.Equal("confirmed", proof.GetProperty("status").GetString());
            var anchor = proof.GetProperty("anchor");
            Assert.Equal(await ledger.CanonicalHashAsync(anchor.GetProperty("blockNumber").GetUInt64()), anchor.GetProperty("blockHash").GetString());
        }
        var counts = await chain.AnchorCountsAsync();
        Assert.Equal(2, counts.Count);
        Assert.All(counts.Values, count => Assert.Equal(1, count));
    }
}
