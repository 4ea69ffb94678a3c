using Ledger.Cli.CommandLine;
using Ledger.Data;
using Ledger.Data.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Cli.Commands;

/// <summary>
/// The service's SQLite store, opened directly by an operator on the host (<c>--data-dir</c>, as the service's
/// <c>Storage:DataDirectory</c>). The schema is brought up to date first, exactly as the service does at start.
/// </summary>
internal sealed class OperatorStore : IAsyncDisposable
{
    public const string DataDirOption = "--data-dir";

    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private OperatorStore(ServiceProvider services)
    {
        _services = services;
        _scope = services.CreateAsyncScope();
    }

    public LedgerDbContext Db => _scope.ServiceProvider.GetRequiredService<LedgerDbContext>();

    /// <summary>Opens (and migrates) the database in <paramref name="dataDirectory"/>, which must exist.</summary>
    public static async Task<OperatorStore> OpenAsync(string dataDirectory, TextWriter error)
    {
        var full = Path.GetFullPath(dataDirectory);
        if (!Directory.Exists(full))
        {
            throw new UsageException($"There is no data folder at '{full}'; pass the service's data folder with {DataDirOption}.");
        }
        var file = Path.Combine(full, "ledger.db");
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"note: no ledger database in {full} yet; creating one.");
        }
        OwnerOnlyDatabase.Secure(file); // before SQLite creates it world-readable
        var services = new ServiceCollection().AddLedgerSqlite($"Data Source={file};Pooling=False").BuildServiceProvider();
        var store = new OperatorStore(services);
        await SchemaMigrator.MigrateAsync(store.Db);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
