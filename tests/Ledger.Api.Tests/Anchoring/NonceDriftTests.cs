using Ledger.Chain;
using Ledger.Data.Anchoring;
using Ledger.Testing;
using static Ledger.Api.Tests.Anchoring.SteppedLedger;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>Another transaction from the anchoring key takes our nonce: detect it and sign again, anchoring once.</summary>
public sealed class NonceDriftTests
{
    [Fact]
    public async Task ANonceTakenByAnotherTransactionFromTheKeyIsDetectedAndTheBatchSentWithAFreshNonce()
    {
        await using var ledger = await StartAsync();
        await ledger.SetAutomineAsync(false);
        var record = await ledger.SubmitAsync();
        await ledger.StepAsync();
        var ours = Assert.Single(await ledger.TransactionsAsync(record));

        // Someone else holding the same key: our transaction leaves the pool and theirs takes its nonce.
        await ledger.Node.RequestAsync("anvil_dropTransaction", [ours.TxHash]);
        var elsewhere = new TransactionSender(ledger.Node, AnvilNode.DevKeys[0], ledger.Chain.ChainId, AnvilNode.DevFees, TimeProvider.System);
        var theirs = await elsewhere.PrepareAsync(AnvilNode.DevKeys[7].Address, []);
        await elsewhere.BroadcastAsync(theirs);
        await ledger.MineAsync();
        Assert.Equal(ours.Nonce, theirs.Nonce);

        await ledger.StepAsync();

        var sent = await ledger.TransactionsAsync(record);
        Assert.Equal(2, sent.Count);
        Assert.Equal(ours.Nonce + 1, sent[0].Nonce);
        var batch = await ledger.BatchOfAsync(record);
        Assert.Equal(BatchState.Submitted, batch.State);
        Assert.Contains("taken by another transaction", batch.LastError);
        await Assert.ThrowsAsync<ChainException>(() => ledger.Node.SendRawTransactionAsync(Core.Encoding.Hex.Decode(ours.RawTransaction)));

        await ledger.MineAsync();
        await ledger.StepAsync();

        var proof = await ledger.ProofAsync(record);
        Assert.Equal("confirmed", proof.GetProperty("status").GetString());
        Assert.Equal(sent[0].TxHash, proof.GetProperty("anchor").GetProperty("txHash").GetString());
        Assert.Equal(1, await ledger.AnchorCountAsync(batch.Root));
    }
}
