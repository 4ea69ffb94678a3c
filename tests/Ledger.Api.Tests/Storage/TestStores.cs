using Ledger.Data;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Storage;

/// <summary>The store a service on a data folder uses in this test run (TestStorage), opened from outside the service.</summary>
internal static class TestStores
{
    public static LedgerDbContext Open(string dataDirectory) =>
        TestStorage.SettingsFor(dataDirectory).TryGetValue("Storage:ConnectionString", out var connection)
            ? Open(StorageProvider.PostgreSql, connection!)
            : Open(StorageProvider.Sqlite, $"Data Source={Path.Combine(dataDirectory, "ledger.db")}");

    /// <summary>A context on <paramref name="connectionString"/> with the provider's settings, as the service makes it.</summary>
    public static LedgerDbContext Open(StorageProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<LedgerDbContext>();
        DataServiceCollectionExtensions.UseLedgerStore(options, provider, connectionString);
        return new LedgerDbContext(options.Options);
    }
}
