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
        builder.Services.AddLedgerStore(options.Provider, options.ResolveConnectionString());
        return builder;
    }

    /// <summary>
    /// Makes the data folder and database owner-only (before SQLite creates anything), then applies pending schema
    /// scripts; the service must not serve an old schema.
    /// </summary>
    public static async Task MigrateLedgerStoreAsync(this WebApplication app)
    {
        PrivateDataFolder.Secure(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value, app.Logger);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        await SchemaMigrator.MigrateAsync(db);
    }
}
