using Ledger.Data.Anchoring;
using static Ledger.Api.Tests.Anchoring.SteppedLedger;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>A transaction that is not mined in time is sent again, then replaced on its nonce with higher fees.</summary>
public sealed class TransactionReplacementTests
{
    [Fact]
    public async Task ADroppedTransactionIsSentAgainAndThenReplacedWithBumpedFeesOnTheSameNonce()
    {
        await using var ledger = await StartAsync();
        await ledger.SetAutomineAsync(false);
        var record = await ledger.SubmitAsync();
        await ledger.StepAsync();
        var first = Assert.Single(await ledger.TransactionsAsync(record));
        Assert.True(await ledger.IsPendingAsync(first.TxHash));

        await ledger.Node.RequestAsync("anvil_dropTransaction", [first.TxHash]);
        ledger.Clock.Advance(ResendAfter + TimeSpan.FromSeconds(1));
        await ledger.StepAsync();

        Assert.True(await ledger.IsPendingAsync(first.TxHash));
        Assert.Single(await ledger.TransactionsAsync(record));

        ledger.Clock.Advance(ReplaceAfter);
        await ledger.StepAsync();

        var sent = await ledger.TransactionsAsync(record);
        Assert.Equal(2, sent.Count);
        var replacement = sent[0];
        Assert.Equal(first.Nonce, replacement.Nonce);
        Assert.True(Wei(replacement.MaxFeePerGas) * 100 >= Wei(first.MaxFeePerGas) * 115, "max fee bumped by at least 15 %");
        Assert.True(Wei(replacement.MaxPriorityFeePerGas) * 100 >= Wei(first.MaxPriorityFeePerGas) * 115, "tip bumped by at least 15 %");
        Assert.False(await ledger.IsPendingAsync(first.TxHash));
        Assert.True(await ledger.IsPendingAsync(replacement.TxHash));
        Assert.Equal(BatchState.Submitted, (await ledger.BatchOfAsync(record)).State);

        await ledger.MineAsync();
        await ledger.StepAsync();

        var proof = await ledger.ProofAsync(record);
        Assert.Equal("confirmed", proof.GetProperty("status").GetString());
        Assert.Equal(replacement.TxHash, proof.GetProperty("anchor").GetProperty("txHash").GetString());
        Assert.Null(await ledger.Chain.Client.GetTransactionReceiptAsync(first.TxHash));
        Assert.Equal(1, await ledger.AnchorCountAsync((await ledger.BatchOfAsync(record)).Root));
    }

    [Fact]
    public async Task AReplacementTheFeeCapForbidsLeavesTheOriginalWaitingAndSaysWhy()
    {
        // The first bid already sits at the cap (2 gwei < 2 × base fee + tip), so no 15 % bump fits under it.
        await using var ledger = await StartAsync(new Dictionary<string, string?> { ["Chain:MaxFeePerGasGwei"] = "2" });
        await ledger.SetAutomineAsync(false);
        var record = await ledger.SubmitAsync();
        await ledger.StepAsync();
        var first = Assert.Single(await ledger.TransactionsAsync(record));

        ledger.Clock.Advance(ReplaceAfter + TimeSpan.FromSeconds(1));
        await ledger.StepAsync();

        var batch = await ledger.BatchOfAsync(record);
        Assert.Single(await ledger.TransactionsAsync(record));
        Assert.Contains("above the cap", batch.LastError);
        Assert.Equal(first.TxHash, batch.TxHash);
        Assert.True(await ledger.IsPendingAsync(first.TxHash));

        await ledger.MineAsync();
        await ledger.StepAsync();

        Assert.Equal("confirmed", await ledger.StatusAsync(record));
    }
}
