using Ledger.Data;
using Ledger.Data.Schema;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Storage;

/// <summary>Wires the store and brings its schema up to date before anything else runs.</summary>
internal static class StorageExtensions
{
    public static WebApplicationBuilder AddLedgerStorage(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        // Resolved on first use, inside start-up's checks, so a missing PostgreSQL connection string is one clear line.
        var connectionString = new Lazy<string>(options.ResolveConnectionString);
        // Pooled, as AddLedgerStore does: a request's context comes back reset instead of being built anew (docs/benchmarks.md).
        builder.Services.AddDbContextPool<LedgerDbContext>(db => DataServiceCollectionExtensions.UseLedgerStore(db, options.Provider, connectionString.Value));
        // Public verification's one-statement look-up, with its own read connections on SQLite (disposed with the host).
        builder.Services.AddSingleton<Verification.VerifyLookup>();
        return builder;
    }

    /// <summary>
    /// Makes the data folder and database owner-only (before SQLite creates anything), then applies pending schema
    /// scripts; the service must not serve an old schema.
    /// </summary>
    public static async Task MigrateLedgerStoreAsync(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        _ = storage.ResolveConnectionString(); // refuses a provider without its connection string, in one line
        PrivateDataFolder.Secure(storage, app.Logger);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        await SchemaMigrator.MigrateAsync(db);
    }
}
