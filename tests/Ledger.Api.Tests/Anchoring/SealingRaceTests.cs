using Ledger.Api.Anchoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>
/// A batch is planned (read and its tree built) outside the write lock and written under it (BatchSealer): two
/// sealers that planned from the same waiting records, or from overlapping ones, still seal each record once.
/// </summary>
public sealed class SealingRaceTests
{
    [Fact]
    public async Task TwoSealersPlanningTheSameRecordsSealThemOnce()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        var records = new[] { await ledger.SubmitAsync("L-RACE-1"), await ledger.SubmitAsync("L-RACE-2") };
        await using var first = ledger.Factory.Services.CreateAsyncScope();
        await using var second = ledger.Factory.Services.CreateAsyncScope();
        var firstSealer = first.ServiceProvider.GetRequiredService<BatchSealer>();
        var secondSealer = second.ServiceProvider.GetRequiredService<BatchSealer>();
        var firstPlan = await firstSealer.PlanAsync(CancellationToken.None);
        var secondPlan = await secondSealer.PlanAsync(CancellationToken.None);

        var sealedFirst = await firstSealer.SealAsync(firstPlan!, CancellationToken.None);
        var sealedSecond = await secondSealer.SealAsync(secondPlan!, CancellationToken.None);

        Assert.NotNull(sealedFirst);
        Assert.Null(sealedSecond);
        Assert.Equal(2, sealedFirst.LeafCount);
        foreach (var record in records)
        {
            Assert.Equal(sealedFirst.Id, (await ledger.BatchOfAsync(record)).Id);
        }
        Assert.Equal(1, await ledger.Factory.QueryAsync(db => db.Batches.CountAsync()));
    }

    [Fact]
    public async Task ASealerWhosePlanOverlapsAnotherSealedBatchWritesNothing()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        var early = await ledger.SubmitAsync("L-RACE-3");
        await using var first = ledger.Factory.Services.CreateAsyncScope();
        var firstSealer = first.ServiceProvider.GetRequiredService<BatchSealer>();
        var stalePlan = await firstSealer.PlanAsync(CancellationToken.None);
        var late = await ledger.SubmitAsync("L-RACE-4");
        await using var second = ledger.Factory.Services.CreateAsyncScope();
        // Plans both records: a different root, one record in common with the stale plan.
        var sealedNow = await second.ServiceProvider.GetRequiredService<BatchSealer>().SealDueAsync(CancellationToken.None);

        var sealedStale = await firstSealer.SealAsync(stalePlan!, CancellationToken.None);

        Assert.NotNull(sealedNow);
        Assert.Equal(2, sealedNow.LeafCount);
        Assert.Null(sealedStale);
        Assert.Equal(sealedNow.Id, (await ledger.BatchOfAsync(early)).Id);
        Assert.Equal(sealedNow.Id, (await ledger.BatchOfAsync(late)).Id);
        // The stale plan's batch was never written, nor its tree.
        Assert.Equal(1, await ledger.Factory.QueryAsync(db => db.Batches.CountAsync()));
        Assert.Equal(sealedNow.Id, await ledger.Factory.QueryAsync(db => db.BatchTreeBlocks.Select(b => b.BatchId).Distinct().SingleAsync()));
    }
}
