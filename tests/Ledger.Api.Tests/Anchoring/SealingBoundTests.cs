using Ledger.Api.Anchoring;
using Ledger.Data.Anchoring;
using Microsoft.EntityFrameworkCore;
using static Ledger.Api.Tests.Anchoring.SteppedLedger;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>A backlog larger than one cycle seals: the cycle still sends what it sealed, and the next seals the rest.</summary>
public sealed class SealingBoundTests
{
    [Fact]
    public async Task ACycleSealsAtMostItsBoundAndSendsThoseBatchesBeforeSealingMore()
    {
        await using var ledger = await StartAsync(new Dictionary<string, string?> { ["Anchoring:MaxBatchSize"] = "1" });
        var records = new List<string>();
        for (var i = 0; i < AnchoringWorker.MaxSealsPerCycle + 2; i++)
        {
            records.Add(await ledger.SubmitAsync($"L-{i}"));
        }

        await ledger.StepAsync();

        var batches = await ledger.Factory.QueryAsync(db => db.Batches.AsNoTracking().ToListAsync());
        Assert.Equal(AnchoringWorker.MaxSealsPerCycle, batches.Count);
        Assert.All(batches, b => Assert.NotEqual(BatchState.Sealed, b.State));
        Assert.Equal(2, await ledger.Factory.QueryAsync(db => db.Records.CountAsync(r => r.BatchId == null)));

        await ledger.StepAsync();

        Assert.Equal(0, await ledger.Factory.QueryAsync(db => db.Records.CountAsync(r => r.BatchId == null)));
    }
}
