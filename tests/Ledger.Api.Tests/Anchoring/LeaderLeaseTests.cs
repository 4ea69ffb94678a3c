using Ledger.Api.Access;
using Ledger.Api.Tests.Chain;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>Several instances on one database: one anchoring leader at a time, a standby that takes over, no double anchoring.</summary>
public sealed class LeaderLeaseTests
{
    [Fact]
    public async Task TwoInstancesOnOneDatabaseAnchorEachRecordOnceAndTheStandbyTakesOverWhenTheLeaderStops()
    {
        await using var chain = await ExternalChain.StartAsync();
        var first = new LedgerApiFactory(settings: chain.Settings(Instance("instance-a")));
        var second = new LedgerApiFactory(first.DataDirectory, chain.Settings(Instance("instance-b")));
        try
        {
            await first.ChainAsync();
            await second.ChainAsync();
            var key = await first.CreateKeyAsync(Roles.Inspector, "lease-market-bureau");
            var clients = new[] { first, second }.Select(f => Client(f, key)).ToArray();
            var records = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                records.Add(await SubmitAsync(clients[i % 2], $"L-{i}"));
            }
            foreach (var record in records)
            {
                await first.WaitForStatusAsync(record, "confirmed");
            }
            await chain.AssertEachRecordAnchoredOnceAsync(first, records.Count);

            var leaderName = (await first.QueryAsync(db => db.Leases.AsNoTracking().SingleAsync(l => l.Name == "anchoring"))).Holder;
            var (leader, standby) = leaderName == "instance-a" ? (first, second) : (second, first);
            await leader.DisposeAsync();
            var late = await SubmitAsync(Client(standby, key), "after-the-leader-stopped");
            await standby.WaitForStatusAsync(late, "confirmed");

            var lease = await standby.QueryAsync(db => db.Leases.AsNoTracking().SingleAsync(l => l.Name == "anchoring"));
            Assert.NotEqual(leaderName, lease.Holder);
            await chain.AssertEachRecordAnchoredOnceAsync(standby, records.Count + 1);
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            first.DeleteData();
        }
    }

    [Fact]
    public async Task AnInstanceWhoseLeaseWasTakenStopsSendingAtOnce()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        var record = await ledger.SubmitAsync();
        await ledger.Factory.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO leases (name, holder, expires_at_ms, acquired_at_ms) VALUES ('anchoring', 'another-instance', {long.MaxValue}, 0)"));

        Assert.False(await ledger.StepAsync());

        Assert.Equal("pending", await ledger.StatusAsync(record));
        Assert.Equal(0, await ledger.Factory.QueryAsync(db => db.Batches.CountAsync()));
        Assert.Equal(0, await ledger.Factory.QueryAsync(db => db.BatchTransactions.CountAsync()));
    }

    [Fact]
    public async Task AnIdleLeaderWritesItsLeaseOnceInAThirdOfItsDurationAndEverySendRenewsIt()
    {
        // The default lease lasts 15 s: an idle cycle renews it once 5 s have passed since the last renewal.
        await using var ledger = await SteppedLedger.StartAsync();
        Assert.True(await ledger.StepAsync());
        var taken = await ExpiryAsync(ledger);

        // One second on the clock leaves four for the real time a slow machine takes between the two cycles.
        ledger.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await ledger.StepAsync());
        Assert.Equal(taken, await ExpiryAsync(ledger));

        ledger.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.True(await ledger.StepAsync());
        var renewed = await ExpiryAsync(ledger);
        Assert.True(renewed >= taken + 5_000, $"renewed until {renewed}, taken until {taken}");

        // A send renews at once, however recent the last renewal.
        var record = await ledger.SubmitAsync();
        Assert.True(await ledger.StepAsync());
        Assert.NotEmpty(await ledger.TransactionsAsync(record));
        Assert.True(await ExpiryAsync(ledger) > renewed);
    }

    [Fact]
    public async Task ALeaderWhoseLeaseWasTakenBetweenRenewalsSignsNothing()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        Assert.True(await ledger.StepAsync());
        await ledger.Factory.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE leases SET holder = 'another-instance', expires_at_ms = {long.MaxValue} WHERE name = 'anchoring'"));
        var record = await ledger.SubmitAsync();

        // The cycle still believes it leads (no renewal is due), but the send's renewal finds the lease gone.
        Assert.False(await ledger.StepAsync());

        Assert.Equal(0, await ledger.Factory.QueryAsync(db => db.BatchTransactions.CountAsync()));
        Assert.NotEqual("confirmed", await ledger.StatusAsync(record));
    }

    private static Task<long> ExpiryAsync(SteppedLedger ledger) => ledger.Factory.QueryAsync(db =>
        db.Leases.AsNoTracking().Where(l => l.Name == "anchoring").Select(l => l.ExpiresAtMs).SingleAsync());

    private static Dictionary<string, string?> Instance(string holder) => new()
    {
        ["Anchoring:LeaseHolder"] = holder,
        ["Anchoring:LeaseDuration"] = "00:00:01",
    };

    /// <summary>A client of <paramref name="factory"/> that sends <paramref name="key"/>.</summary>
    internal static HttpClient Client(LedgerApiFactory factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task<string> SubmitAsync(HttpClient client, string lot) =>
        (await Samples.SubmitAsync(client, Samples.Inspection(lot))).GetProperty("recordHash").GetString()!;
}
