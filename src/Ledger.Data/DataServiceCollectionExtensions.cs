using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Data;

/// <summary>Registers the ledger's store.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>Adds <see cref="LedgerDbContext"/> on a SQLite file (the embedded default).</summary>
    /// <remarks>The options are built once (singleton), not for every request's context: they never change.</remarks>
    public static IServiceCollection AddLedgerSqlite(this IServiceCollection services, string connectionString) =>
        services.AddLedgerStore(StorageProvider.Sqlite, connectionString);

    /// <summary>Adds <see cref="LedgerDbContext"/> on the chosen provider.</summary>
    public static IServiceCollection AddLedgerStore(this IServiceCollection services, StorageProvider provider, string connectionString) =>
        services.AddDbContext<LedgerDbContext>(
            options => UseLedgerStore(options, provider, connectionString), ServiceLifetime.Scoped, ServiceLifetime.Singleton);

    /// <summary>Points <paramref name="options"/> at the store, with the provider's per-connection settings.</summary>
    public static DbContextOptionsBuilder UseLedgerStore(DbContextOptionsBuilder options, StorageProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return provider switch
        {
            StorageProvider.Sqlite => options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()),
            StorageProvider.PostgreSql => options.UseNpgsql(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
        };
    }
}
