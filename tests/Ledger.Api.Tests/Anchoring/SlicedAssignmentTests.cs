using Ledger.Api.Anchoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>
/// A batch is written in one short transaction and its records are then assigned to it in slices (BatchSealer), so
/// that the write lock is never held for a whole batch's rows: every record still ends in exactly one batch, and a
/// batch left part-assigned by a stop between slices is completed from its tree before anything else is planned.
/// </summary>
public sealed class SlicedAssignmentTests
{
    [Fact]
    public async Task ABatchLargerThanASliceHasEveryRecordAssignedToIt()
    {
        const int count = BatchSealer.AssignmentSlice + 44;
        await using var ledger = await SteppedLedger.StartAsync();
        var hashes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            hashes.Add(await ledger.SubmitAsync($"L-SLICE-{i}"));
        }
        await using var scope = ledger.Factory.Services.CreateAsyncScope();

        var batch = await scope.ServiceProvider.GetRequiredService<BatchSealer>().SealDueAsync(CancellationToken.None);

        Assert.NotNull(batch);
        Assert.Equal(count, batch.LeafCount);
        Assert.Equal(count, await ledger.Factory.QueryAsync(db => db.Records.CountAsync(r => r.BatchId == batch.Id)));
        Assert.Equal(batch.Id, (await ledger.BatchOfAsync(hashes[0])).Id);
        Assert.Equal(batch.Id, (await ledger.BatchOfAsync(hashes[^1])).Id);
    }

    [Fact]
    public async Task ABatchLeftPartAssignedIsCompletedBeforeTheNextIsPlanned()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        var members = new[] { await ledger.SubmitAsync("L-PART-1"), await ledger.SubmitAsync("L-PART-2"), await ledger.SubmitAsync("L-PART-3") };
        await using var stopped = ledger.Factory.Services.CreateAsyncScope();
        var sealer = stopped.ServiceProvider.GetRequiredService<BatchSealer>();
        var plan = await sealer.PlanAsync(CancellationToken.None);
        var batch = await sealer.WriteBatchAsync(plan!, CancellationToken.None);
        // What a stop after the first slice leaves: the batch and its tree written, one of its records assigned.
        await sealer.AssignAsync(batch!.Id, [plan!.RecordIds[0]], CancellationToken.None);
        Assert.Equal(1, await ledger.Factory.QueryAsync(db => db.Records.CountAsync(r => r.BatchId == batch.Id)));
        Assert.Equal("pending", await ledger.StatusAsync(members[1]));
        var later = await ledger.SubmitAsync("L-PART-4");
        await using var restarted = ledger.Factory.Services.CreateAsyncScope();

        var next = await restarted.ServiceProvider.GetRequiredService<BatchSealer>().SealDueAsync(CancellationToken.None);

        foreach (var member in members)
        {
            Assert.Equal(batch.Id, (await ledger.BatchOfAsync(member)).Id);
        }
        Assert.NotNull(next);
        Assert.Equal(1, next.LeafCount);
        Assert.Equal(next.Id, (await ledger.BatchOfAsync(later)).Id);
        Assert.Equal(2, await ledger.Factory.QueryAsync(db => db.Batches.CountAsync()));
    }

    [Fact]
    public async Task APlanReadBeforeAnotherBatchWasWrittenWritesNothing()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        await ledger.SubmitAsync("L-STALE-1");
        await using var first = ledger.Factory.Services.CreateAsyncScope();
        var stale = await first.ServiceProvider.GetRequiredService<BatchSealer>().PlanAsync(CancellationToken.None);
        // A different set of records, so a different root: only the newest batch tells the plan is stale.
        await ledger.SubmitAsync("L-STALE-2");
        await using var second = ledger.Factory.Services.CreateAsyncScope();
        var sealedNow = await second.ServiceProvider.GetRequiredService<BatchSealer>().SealDueAsync(CancellationToken.None);

        var written = await first.ServiceProvider.GetRequiredService<BatchSealer>().WriteBatchAsync(stale!, CancellationToken.None);

        Assert.NotNull(sealedNow);
        Assert.Null(written);
        Assert.Equal(1, await ledger.Factory.QueryAsync(db => db.Batches.CountAsync()));
        Assert.Equal(1, await ledger.Factory.QueryAsync(db => db.BatchTrees.CountAsync()));
    }
}
