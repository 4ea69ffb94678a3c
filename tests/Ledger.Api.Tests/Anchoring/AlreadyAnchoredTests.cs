using Ledger.Api.Anchoring;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Ledger.Data.Anchoring;
using Ledger.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>A root the chain already has is success, read from the chain, and never sent a second time.</summary>
public sealed class AlreadyAnchoredTests
{
    [Fact]
    public async Task ARootAlreadyOnChainIsTakenAsIncludedFromTheChainWithoutSendingAgain()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        var record = await ledger.SubmitAsync();
        var batch = await SealAsync(ledger);
        // As if an earlier send had landed though our own records do not show it.
        var landed = await AnchorElsewhereAsync(ledger, batch);

        await ledger.StepAsync();

        var proof = await ledger.ProofAsync(record);
        Assert.Equal("confirmed", proof.GetProperty("status").GetString());
        Assert.Equal(landed.TransactionHash, proof.GetProperty("anchor").GetProperty("txHash").GetString());
        Assert.Equal(landed.BlockHash, proof.GetProperty("anchor").GetProperty("blockHash").GetString());
        Assert.Empty(await ledger.TransactionsAsync(record));
        Assert.Equal(1, await ledger.AnchorCountAsync(batch.Root));
    }

    [Fact]
    public async Task AnEstimateRefusedAsAlreadyAnchoredLeadsToReadingTheChainNotToFailure()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        var record = await ledger.SubmitAsync();
        var batch = await SealAsync(ledger);
        var landed = await AnchorElsewhereAsync(ledger, batch);
        // A node whose first anchoredAt answer lags behind: only the gas estimate reveals the anchor.
        var lagging = new LaggingAnchorReads(ledger.Chain.Client, lagFor: 1);

        await ledger.Factory.Services.GetRequiredService<AnchoringWorker>().RunOnceAsync(lagging.Around(ledger.Chain), CancellationToken.None);

        Assert.Equal(1, lagging.RefusedEstimates);
        var proof = await ledger.ProofAsync(record);
        Assert.Equal("confirmed", proof.GetProperty("status").GetString());
        Assert.Equal(landed.TransactionHash, proof.GetProperty("anchor").GetProperty("txHash").GetString());
        Assert.Empty(await ledger.TransactionsAsync(record));
        Assert.Equal(1, await ledger.AnchorCountAsync(batch.Root));
    }

    // The service's own key, used by another sender: exactly what a landed first send looks like on chain.
    private static Task<RootAnchoredEvent> AnchorElsewhereAsync(SteppedLedger ledger, AnchorBatch batch) =>
        ledger.Chain.Contract.AnchorAsync(
            new TransactionSender(ledger.Node, AnvilNode.DevKeys[0], ledger.Chain.ChainId, AnvilNode.DevFees, TimeProvider.System),
            Hex.DecodeFixed(batch.Root, 32), (ulong)batch.LeafCount, TimeSpan.FromSeconds(30));

    private static async Task<AnchorBatch> SealAsync(SteppedLedger ledger)
    {
        await using var scope = ledger.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BatchSealer>().SealDueAsync(CancellationToken.None)
            ?? throw new InvalidOperationException("Nothing was due for sealing.");
    }
}
