using Ledger.Api.Anchoring;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>
/// When a batch is due: once a full batch of records waits, or once the oldest waiting record has waited a batch
/// interval, and not before. The sealer asks the records' index first and reads the waiting rows only then, so these
/// pin that the two agree.
/// </summary>
public sealed class SealingDueTests
{
    private static Task<SteppedLedger> StartAsync() => SteppedLedger.StartAsync(new Dictionary<string, string?>
    {
        ["Anchoring:MaxBatchSize"] = "3",
        ["Anchoring:BatchInterval"] = "00:00:10",
    });

    private static async Task<SealPlan?> PlanAsync(SteppedLedger ledger)
    {
        await using var scope = ledger.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BatchSealer>().PlanAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FewerThanABatchAreDueOnlyOnceTheOldestHasWaitedTheInterval()
    {
        await using var ledger = await StartAsync();
        Assert.Null(await PlanAsync(ledger));
        await ledger.SubmitAsync("L-DUE-1");
        ledger.Clock.Advance(TimeSpan.FromSeconds(6));
        await ledger.SubmitAsync("L-DUE-2");

        Assert.Null(await PlanAsync(ledger));
        ledger.Clock.Advance(TimeSpan.FromSeconds(4));
        var plan = await PlanAsync(ledger);

        Assert.NotNull(plan);
        Assert.Equal(2, plan.RecordIds.Count);
    }

    [Fact]
    public async Task AFullBatchIsDueAtOnceAndTakesTheOldest()
    {
        await using var ledger = await StartAsync();
        var hashes = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            hashes.Add(await ledger.SubmitAsync($"L-FULL-{i}"));
            ledger.Clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        var plan = await PlanAsync(ledger);

        Assert.NotNull(plan);
        Assert.Equal(3, plan.RecordIds.Count);
        await using var scope = ledger.Factory.Services.CreateAsyncScope();
        var sealer = scope.ServiceProvider.GetRequiredService<BatchSealer>();
        var batch = await sealer.SealAsync(plan, CancellationToken.None);
        Assert.NotNull(batch);
        foreach (var oldest in hashes.Take(3))
        {
            Assert.Equal(batch.Id, (await ledger.BatchOfAsync(oldest)).Id);
        }
        Assert.Equal("pending", await ledger.StatusAsync(hashes[3]));
        // One record is left, younger than the interval: nothing more is due until it has waited it.
        Assert.Null(await PlanAsync(ledger));
        ledger.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, (await PlanAsync(ledger))?.RecordIds.Count);
    }
}
