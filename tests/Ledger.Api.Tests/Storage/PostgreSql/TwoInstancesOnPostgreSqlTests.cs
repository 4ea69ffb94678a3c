using System.Net;
using Ledger.Api.Access;
using Ledger.Api.Tests.Anchoring;
using Ledger.Api.Tests.Chain;
using Ledger.Api.Tests.Projections;
using Ledger.Api.Protection;
using Ledger.Data.Organisations;
using Ledger.Data.Projections;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Storage.PostgreSql;

/// <summary>
/// Two service instances, each with its own writer and connection pool, on one PostgreSQL database and one external
/// chain: what SQLite's single writer used to guarantee now rests on the write lock across connections.
/// </summary>
public sealed class TwoInstancesOnPostgreSqlTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const string Community = "pg-community-committee";

    [Fact]
    public async Task FiftyRedemptionsSplitAcrossTwoInstancesLetExactlySevenOfSevenHoursThroughAndEveryRecordIsAnchoredOnce()
    {
        await using var chain = await ExternalChain.StartAsync();
        var database = await server.CreateDatabaseAsync();
        var first = new LedgerApiFactory(settings: Settings(chain, database, "instance-a"));
        var second = new LedgerApiFactory(first.DataDirectory, Settings(chain, database, "instance-b"));
        try
        {
            await first.ChainAsync();
            await second.ChainAsync();
            await first.QueryAsync(async db =>
            {
                await new OrganisationRegistry(db, TimeProvider.System).EnsureAsync(Community, "PG Community Committee", OrganisationKinds.Community, "330106", default);
                return 0;
            });
            var workerKey = await first.CreateKeyAsync(Roles.CommunityWorker, Community);
            var worker = LeaderLeaseTests.Client(first, workerKey);
            var workerOnSecond = LeaderLeaseTests.Client(second, workerKey);
            var confirmer = LeaderLeaseTests.Client(first, await first.CreateKeyAsync(Roles.CommunityWorker, Community));
            var bank = new TimeBank(Community);
            await bank.CreditAsync(worker, confirmer, 7m);

            var answers = await Task.WhenAll(Enumerable.Range(0, 50)
                .Select(i => TimeBank.PostAsync(i % 2 == 0 ? worker : workerOnSecond, bank.Redemption("1.00"))));

            Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
            Assert.Equal(43, answers.Count(a => a.StatusCode == HttpStatusCode.UnprocessableEntity));
            Assert.Equal(0m, await bank.BalanceAsync(first));
            Assert.Equal(0m, await bank.BalanceAsync(second));

            // Replayed in commit order (PostgreSQL's commit_order, the twin of SQLite's rowid), the rows come out the same.
            var master = first.Services.GetRequiredService<ProtectionKeys>().Master;
            var (_, replayed, _) = await first.QueryAsync(db => new ProjectionRebuild(db, master).RunAsync(CancellationToken.None));
            Assert.Equal(3 + 3 + 7, replayed); // three services, their three confirmations, seven redemptions
            Assert.Equal(0m, await bank.BalanceAsync(second));

            var records = await first.QueryAsync(db => db.Records.AsNoTracking().Select(r => r.RecordHash).ToListAsync());
            foreach (var record in records)
            {
                await first.WaitForStatusAsync(record, "confirmed");
            }
            await chain.AssertEachRecordAnchoredOnceAsync(first, records.Count);
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            first.DeleteData();
        }
    }

    private static Dictionary<string, string?> Settings(ExternalChain chain, string database, string holder) => chain.Settings(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = database,
        ["Anchoring:LeaseHolder"] = holder,
        ["Anchoring:LeaseDuration"] = "00:00:01",
    });
}
