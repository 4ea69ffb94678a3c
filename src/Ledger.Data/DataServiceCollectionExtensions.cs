using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Data;

/// <summary>Registers the ledger's store.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>Adds <see cref="LedgerDbContext"/> on a SQLite file (the embedded default).</summary>
    public static IServiceCollection AddLedgerSqlite(this IServiceCollection services, string connectionString) =>
        services.AddLedgerStore(StorageProvider.Sqlite, connectionString);

    /// <summary>Adds <see cref="LedgerDbContext"/> on the chosen provider.</summary>
    /// <remarks>
    /// Pooled: a request's context comes back reset instead of being built with its few dozen internal services, which
    /// under load cost more than the queries (and contended for the service provider's lock; docs/benchmarks.md).
    /// The context holds no state of its own, so a reset one is as good as new.
    /// </remarks>
    public static IServiceCollection AddLedgerStore(this IServiceCollection services, StorageProvider provider, string connectionString) =>
        services.AddDbContextPool<LedgerDbContext>(options => UseLedgerStore(options, provider, connectionString));

    /// <summary>Points <paramref name="options"/> at the store, with the provider's per-connection settings.</summary>
    public static DbContextOptionsBuilder UseLedgerStore(DbContextOptionsBuilder options, StorageProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return provider switch
        {
            StorageProvider.Sqlite => options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(SqlitePragmas.Store)),
            StorageProvider.PostgreSql => options.UseNpgsql(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
        };
    }
}
