using System.Collections.Concurrent;
using Ledger.Api.Access;
using Ledger.Api.Tests.Chain;
using Ledger.Api.Tests.Hosting;
using Ledger.Api.Tests.Reliability;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Ledger.Data.Organisations;
using Ledger.Data.Protection;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Ledger.Api.Tests.Storage.PostgreSql;

/// <summary>
/// Real service processes on one PostgreSQL database and one external chain: both accept writes, exactly one anchors;
/// the leader killed with SIGKILL under load is replaced by the other once its lease runs out; nothing acknowledged
/// is lost or anchored twice; and a pg_dump of the store, restored into a new database, still verifies against the chain.
/// </summary>
public sealed class ServiceProcessesOnPostgreSqlTests(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private const string Organisation = "pg-market-bureau";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task TheStandbyTakesOverFromAKilledLeaderUnderLoadAndARestoredDumpStillVerifiesAgainstTheChain()
    {
        await using var chain = await ExternalChain.StartAsync();
        var database = await server.CreateDatabaseAsync();
        var folders = Enumerable.Range(0, 2).Select(_ => Directory.CreateTempSubdirectory("ledger-pg-service-").FullName).ToArray();
        var masterKey = Path.Combine(folders[0], "master.key");
        MasterKeyFiles.CreateNew(masterKey).Dispose();
        var acknowledged = new ConcurrentDictionary<string, string>();
        var services = new List<ServiceProcess>();
        try
        {
            services.Add(await ServiceProcess.StartAsync(folders[0], StartTimeout, embeddedKeys: false, Settings(chain, database, masterKey, "instance-a")));
            services.Add(await ServiceProcess.StartAsync(folders[1], StartTimeout, embeddedKeys: false, Settings(chain, database, masterKey, "instance-b")));
            var key = await InspectorKeyAsync(database);

            using var stop = new CancellationTokenSource();
            var loads = services.Select(s => AcknowledgedLoad.DriveAsync(s, key, acknowledged, writers: 2, stop.Token)).ToList();
            await WaitForAsync(() => acknowledged.Count >= 40, TimeSpan.FromSeconds(90));
            var leaderName = await LeaseHolderAsync(database);
            var leader = services[leaderName == "instance-a" ? 0 : 1];
            var standby = services[leaderName == "instance-a" ? 1 : 0];
            await WaitForAsync(() => false, TimeSpan.FromMilliseconds(new Random(20261130).Next(200, 1500)));
            var lastLease = await LeaseAsync(database);
            await leader.CrashAsync();

            // The standby keeps accepting and, once the dead leader's lease has run out, anchors.
            var countAtCrash = acknowledged.Count;
            await WaitForAsync(() => acknowledged.Count >= countAtCrash + 40, TimeSpan.FromSeconds(90));
            await stop.CancelAsync();
            await Task.WhenAll(loads);
            await WaitUntilAllConfirmedAsync(database, acknowledged.Count);

            var lease = await LeaseAsync(database);
            Assert.Equal(leaderName == "instance-a" ? "instance-b" : "instance-a", lease.Holder);
            // For the record, not asserted (no wall-clock assertions): how long after the last lease seen before the kill.
            output.WriteLine($"{acknowledged.Count} records acknowledged ({countAtCrash} before the leader was killed); the standby took the lease {lease.AcquiredAtMs - lastLease.ExpiresAtMs} ms after the leader's last lease seen ran out.");
            await using (var db = Open(database))
            {
                await AssertStoredOnceAndAnchoredOnceAsync(db, chain, acknowledged);
            }
            Assert.False(standby.HasExited);

            // Backup and restore: pg_dump's custom format, restored into an empty database, is the same verifiable store.
            var dump = Path.Combine(folders[1], "ledger.dump");
            var name = new Npgsql.NpgsqlConnectionStringBuilder(database).Database!;
            await server.RunClientAsync("pg_dump", "-Fc", "-f", dump, name);
            var restored = await server.CreateDatabaseAsync();
            await server.RunClientAsync("pg_restore", "--no-owner", "-d", new Npgsql.NpgsqlConnectionStringBuilder(restored).Database!, dump);
            await using (var db = Open(restored))
            {
                await AssertStoredOnceAndAnchoredOnceAsync(db, chain, acknowledged);
            }
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }
            foreach (var folder in folders)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string[] Settings(ExternalChain chain, string database, string masterKey, string holder) =>
    [
        .. chain.Settings().SelectMany(s => new[] { "--" + s.Key, s.Value! }),
        "--Storage:Provider", "PostgreSql",
        "--Storage:ConnectionString", database,
        "--Protection:MasterKeyFile", masterKey,
        "--Anchoring:LeaseHolder", holder,
        "--Anchoring:LeaseDuration", "00:00:02",
        "--Anchoring:BatchInterval", "00:00:00.150",
        "--Anchoring:PollInterval", "00:00:00.100",
        "--Anchoring:MaxBatchSize", "40",
    ];

    private static LedgerDbContext Open(string connectionString) => TestStores.Open(StorageProvider.PostgreSql, connectionString);

    private static async Task<string> InspectorKeyAsync(string database)
    {
        await using var db = Open(database);
        await new OrganisationRegistry(db, TimeProvider.System).EnsureAsync(Organisation, "PG Market Supervision Bureau", OrganisationKinds.MarketSupervision, "330106", default);
        var (entity, key) = ApiKeyIssuer.Create(Roles.Inspector, Organisation, "pg test inspector", TimeProvider.System);
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync();
        return key;
    }

    private static async Task<string> LeaseHolderAsync(string database)
    {
        await WaitForAsync(() => LeaseAsync(database).GetAwaiter().GetResult().Holder.Length > 0, TimeSpan.FromSeconds(60));
        return (await LeaseAsync(database)).Holder;
    }

    private static async Task<(string Holder, long ExpiresAtMs, long AcquiredAtMs)> LeaseAsync(string database)
    {
        await using var db = Open(database);
        var lease = await db.Leases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == "anchoring");
        return lease is null ? ("", 0, 0) : (lease.Holder, lease.ExpiresAtMs, lease.AcquiredAtMs);
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static async Task WaitUntilAllConfirmedAsync(string database, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = Open(database);
            var waiting = await db.Records.CountAsync(r => r.BatchId == null);
            var open = await db.Batches.CountAsync(b => b.State != BatchState.Confirmed);
            if (waiting == 0 && open == 0)
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The backlog did not drain ({expected} acknowledged).");
    }

    private static async Task AssertStoredOnceAndAnchoredOnceAsync(LedgerDbContext db, ExternalChain chain, ConcurrentDictionary<string, string> acknowledged)
    {
        await AcknowledgedLoad.AssertDurableAndAnchoredOnceAsync(db, chain.Contract, acknowledged.Keys, "");
        var counts = await chain.AnchorCountsAsync();
        Assert.All(counts.Values, count => Assert.Equal(1, count));
        Assert.Equal((await db.Batches.AsNoTracking().Select(b => b.Root).ToListAsync()).Order(), counts.Keys.Order());
    }
}
