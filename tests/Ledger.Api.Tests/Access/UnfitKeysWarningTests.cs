using Ledger.Api.Access;
using Ledger.Api.Tests.Security;
using Ledger.Data;
using Ledger.Data.Access;
using Ledger.Data.Organisations;
using Ledger.Data.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.Api.Tests.Access;

/// <summary>Keys written before roles had to fit organisation kinds are named in a warning when the service starts.</summary>
public sealed class UnfitKeysWarningTests
{
    private const string MarketBureau = "cn-330106-market-supervision";

    [Fact]
    public async Task StartUpWarnsOfAKeyWhoseRoleDoesNotFitItsOrganisationsKindByItsIdNeverItsSecret()
    {
        string misfit = "", fitting = "";
        await RunServiceOnStoreAsync(async db =>
        {
            misfit = await MisfitKeys.InsertAsync(db, Roles.CorrectionOfficer, MarketBureau);
            fitting = (await new KeyRegistry(db, TimeProvider.System).CreateAsync(MarketBureau, Roles.Inspector, null, null, null, default)).Text;
        }, lines =>
        {
            var warning = Assert.Single(Warnings(lines));
            Assert.Contains($"API key {misfit[..12]} is refused", warning);
            Assert.Contains("role correction-officer", warning);
            Assert.Contains($"organisation {MarketBureau} of kind market-supervision", warning);
            Assert.Contains("may hold inspector", warning);
            Assert.DoesNotContain(fitting[..12], warning);
            Assert.DoesNotContain(lines, l => l.Contains(misfit[13..], StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task StartUpWarnsOfAKeyOfAnUnregisteredOrganisationWhoseRoleCannotBeChecked()
    {
        string legacy = "";
        await RunServiceOnStoreAsync(async db =>
        {
            var (entity, key) = ApiKeyIssuer.Create(Roles.CorrectionOfficer, "legacy-judicial-bureau", "before organisations", TimeProvider.System);
            db.ApiKeys.Add(entity);
            await db.SaveChangesAsync();
            legacy = key;
        }, lines =>
        {
            var warning = Assert.Single(Warnings(lines));
            Assert.Contains($"API key {legacy[..12]} (correction-officer) acts for legacy-judicial-bureau, which is not a registered organisation", warning);
        });
    }

    private static List<string> Warnings(IEnumerable<string> lines) =>
        [.. lines.Where(l => l.StartsWith($"Warning {typeof(UnfitKeysWarning).FullName}:", StringComparison.Ordinal))];

    // The store exists before the service starts, as it does after an upgrade: keys written by an older version are
    // there at the first start of this one.
    private static async Task RunServiceOnStoreAsync(Func<LedgerDbContext, Task> prepare, Action<IReadOnlyList<string>> check)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ledger-test-").FullName;
        await using (var store = new ServiceCollection().AddLedgerSqlite($"Data Source={Path.Combine(dataDirectory, "ledger.db")};Pooling=False").BuildServiceProvider())
        {
            await using var scope = store.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            await SchemaMigrator.MigrateAsync(db);
            await new OrganisationRegistry(db, TimeProvider.System)
                .CreateAsync(MarketBureau, "Xihu District Market Supervision Bureau", OrganisationKinds.MarketSupervision, "330106", default);
            await prepare(db);
        }
        var logs = new CapturedLogs();
        var factory = new LedgerApiFactory(dataDirectory) { ConfigureServices = s => s.AddSingleton<ILoggerProvider>(logs) };
        try
        {
            _ = factory.Server; // the host has started: every hosted service's start has run
            check([.. logs.Lines]);
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }
}
