using Ledger.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Protection;

/// <summary>A stopped service's SQLite store, opened directly as an operator would.</summary>
internal static class StoreOnDisk
{
    public static async Task<T> QueryAsync<T>(string dataDirectory, Func<LedgerDbContext, Task<T>> query)
    {
        await using var services = new ServiceCollection()
            .AddLedgerSqlite($"Data Source={Path.Combine(dataDirectory, "ledger.db")};Pooling=False")
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }
}
