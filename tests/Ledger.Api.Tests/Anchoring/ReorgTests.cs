using Ledger.Core.Proofs;
using Ledger.Data.Anchoring;
using Microsoft.EntityFrameworkCore;
using static Ledger.Api.Tests.Anchoring.SteppedLedger;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>
/// A block that leaves the chain takes its anchors with it: the batch goes back to submitted, its records back to
/// pending, the same transaction is sent again, and the proofs follow the root to its new block. Confirmed is only
/// ever shown for a block that is still canonical. A record's status is its batch's state, so it follows every move.
/// </summary>
public sealed class ReorgTests
{
    [Fact]
    public async Task AnIncludedBatchWhoseBlockIsRevertedAwayIsAnchoredAgainBeforeItIsConfirmed()
    {
        await using var ledger = await StartAsync(new Dictionary<string, string?> { ["Chain:Confirmations"] = "3" });
        var snapshot = (await ledger.Node.RequestAsync("evm_snapshot", [])).GetString();
        var record = await ledger.SubmitAsync();
        await ledger.StepAsync();
        var before = await ledger.ProofAsync(record);
        Assert.Equal("anchored", before.GetProperty("status").GetString());
        var lostBlock = before.GetProperty("anchor").GetProperty("blockHash").GetString();

        await ledger.Node.RequestAsync("evm_revert", [snapshot]);
        await ledger.MineAsync(3);
        await ledger.StepAsync();

        Assert.Equal("pending", await ledger.StatusAsync(record));
        var batch = await ledger.BatchOfAsync(record);
        Assert.Equal(BatchState.Submitted, batch.State);
        Assert.Contains("no longer anchored", batch.LastError);

        await ledger.StepAsync();
        var again = await ledger.ProofAsync(record);
        Assert.Equal("anchored", again.GetProperty("status").GetString());
        var anchor = again.GetProperty("anchor");
        Assert.NotEqual(lostBlock, anchor.GetProperty("blockHash").GetString());
        Assert.Equal(before.GetProperty("anchor").GetProperty("txHash").GetString(), anchor.GetProperty("txHash").GetString());

        await ledger.MineAsync(2);
        await ledger.StepAsync();

        var confirmed = await ledger.ProofAsync(record);
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        var confirmedAnchor = confirmed.GetProperty("anchor");
        Assert.Equal(await ledger.CanonicalHashAsync(confirmedAnchor.GetProperty("blockNumber").GetUInt64()), confirmedAnchor.GetProperty("blockHash").GetString());
        Assert.Equal(1, await ledger.AnchorCountAsync(batch.Root));
        Assert.Single(await ledger.TransactionsAsync(record));
    }

    [Fact]
    public async Task AConfirmedBatchWhoseBlockLeavesTheChainIsNoLongerConfirmedAndIsAnchoredAgain()
    {
        await using var ledger = await StartAsync();
        var snapshot = (await ledger.Node.RequestAsync("evm_snapshot", [])).GetString();
        var record = await ledger.SubmitAsync();
        await ledger.StepAsync();
        var before = await ledger.ProofAsync(record);
        Assert.Equal("confirmed", before.GetProperty("status").GetString());

        await ledger.Node.RequestAsync("evm_revert", [snapshot]);
        await ledger.StepAsync();

        var reverted = await ledger.ProofAsync(record);
        Assert.Equal("pending", reverted.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reverted.GetProperty("anchor").ValueKind);

        await ledger.StepAsync();

        var after = await ledger.ProofAsync(record);
        Assert.Equal("confirmed", after.GetProperty("status").GetString());
        var anchor = after.GetProperty("anchor");
        Assert.Equal(await ledger.CanonicalHashAsync(anchor.GetProperty("blockNumber").GetUInt64()), anchor.GetProperty("blockHash").GetString());
        Assert.NotEqual(before.GetProperty("anchor").GetProperty("blockHash").GetString(), anchor.GetProperty("blockHash").GetString());
        Assert.Equal(1, await ledger.AnchorCountAsync((await ledger.BatchOfAsync(record)).Root));
        // The batch went to confirmed, back and to confirmed again, and the record's row was never rewritten: its
        // status is the batch's state.
        Assert.Equal(RecordStatus.Pending, await ledger.Factory.QueryAsync(db => db.Records.Where(r => r.RecordHash == record).Select(r => r.Status).SingleAsync()));
    }

    [Theory]
    [InlineData(null, RecordStatus.Pending)]
    [InlineData(BatchState.Sealed, RecordStatus.Pending)]
    [InlineData(BatchState.Submitted, RecordStatus.Pending)]
    [InlineData(BatchState.Included, RecordStatus.Anchored)]
    [InlineData(BatchState.Confirmed, RecordStatus.Confirmed)]
    public void ARecordsStatusIsItsBatchsState(string? batchState, string recordStatus) =>
        Assert.Equal(recordStatus, BatchState.RecordStatus(batchState));
}
