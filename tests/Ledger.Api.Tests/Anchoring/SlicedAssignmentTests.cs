using Ledger.Api.Anchoring;
using Ledger.Api.Records.Writing;
using Ledger.Api.Storage;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>
/// A batch is written in one short transaction and its records are then assigned to it in slices (BatchSealer), so
/// that the write lock is never held for a whole batch's rows: every record still ends in exactly one batch, and a
/// batch left part-assigned by a stop between slices is completed from its tree before anything else is planned.
/// While records are being committed, the sealer leaves the lock to them between slices; with none, it goes straight on.
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
        Assert.Equal(1, await ledger.Factory.QueryAsync(db => db.BatchTreeBlocks.Select(b => b.BatchId).Distinct().CountAsync()));
    }

    [Fact]
    public async Task WhileRecordsAreBeingCommittedTheSealerLeavesTheLockAloneBetweenSlices()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        for (var i = 0; i < BatchSealer.AssignmentSlice + 1; i++)
        {
            await ledger.SubmitAsync($"L-YIELD-{i}");
        }
        await using var scope = ledger.Factory.Services.CreateAsyncScope();
        var (sealer, timers, ingest) = SealerWithManualTimers(scope);
        var plan = await sealer.PlanAsync(CancellationToken.None);
        ingest.Committed(3); // the record writer committed a group while the batch was being planned
        var batch = await sealer.WriteBatchAsync(plan!, CancellationToken.None);

        var assigning = sealer.AssignAsync(batch!.Id, plan!.RecordIds, CancellationToken.None);
        await UntilAsync(() => timers.Waiting == 1 || assigning.IsCompleted);

        Assert.False(assigning.IsCompleted);
        Assert.Equal(BatchSealer.AssignmentSlice, await AssignedToAsync(ledger, batch.Id));
        timers.FireAll();
        await assigning.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(BatchSealer.AssignmentSlice + 1, await AssignedToAsync(ledger, batch.Id));
        Assert.Equal(0, timers.Waiting);
    }

    [Fact]
    public async Task WithNoRecordsBeingCommittedTheSealerAssignsEverySliceWithoutPausing()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        for (var i = 0; i < BatchSealer.AssignmentSlice * 2 + 1; i++)
        {
            await ledger.SubmitAsync($"L-IDLE-{i}");
        }
        await using var scope = ledger.Factory.Services.CreateAsyncScope();
        var (sealer, timers, _) = SealerWithManualTimers(scope);

        // A pause would wait on a timer only FireAll can fire: the seal could not finish.
        var batch = await sealer.SealDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(batch);
        Assert.Equal(BatchSealer.AssignmentSlice * 2 + 1, await AssignedToAsync(ledger, batch.Id));
        Assert.Equal(0, timers.Waiting);
    }

    // A sealer of the service's store whose waits fire only when the test says, and whose ingest the test reports.
    private static (BatchSealer Sealer, ManualTimers Timers, IngestStatistics Ingest) SealerWithManualTimers(AsyncServiceScope scope)
    {
        var timers = new ManualTimers();
        var ingest = new IngestStatistics();
        var db = scope.ServiceProvider.GetRequiredService<ScopedWriterContext>().Db;
        return (ActivatorUtilities.CreateInstance<BatchSealer>(scope.ServiceProvider, db, (TimeProvider)timers, ingest), timers, ingest);
    }

    private static Task<int> AssignedToAsync(SteppedLedger ledger, long batchId) =>
        ledger.Factory.QueryAsync(db => db.Records.CountAsync(r => r.BatchId == batchId));

    // Polls until the condition holds; fails after a generous bound rather than hanging the suite.
    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 3000 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition(), "the condition did not come true");
    }
}
