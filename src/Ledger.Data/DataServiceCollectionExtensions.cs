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
        services.AddDbContext<LedgerDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas()), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
}
