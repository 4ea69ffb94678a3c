using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Data;

/// <summary>Registers the ledger's store.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>Adds <see cref="LedgerDbContext"/> on a SQLite file (the embedded default).</summary>
    /// <remarks>
    /// Pooled: a request's context comes back reset instead of being built with its few dozen internal services, which
    /// under load cost more than the queries (and contended for the service provider's lock; docs/benchmarks.md).
    /// The context holds no state of its own, so a reset one is as good as new.
    /// </remarks>
    public static IServiceCollection AddLedgerSqlite(this IServiceCollection services, string connectionString) =>
        services.AddDbContextPool<LedgerDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas()));
}
