using Ledger.Data;
using Ledger.Data.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Storage;

/// <summary>
/// The writers' contexts (<see cref="WriterConnections"/>): on SQLite, connections from a pool of their own, so a writer
/// gets back the connection that wrote last (its page cache still good) rather than one a reader just used, with
/// statement journals kept in memory; the readers' connections are left as they were.
/// </summary>
public sealed class WriterConnectionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ledger-writer-connections-").FullName;

    private DbContextOptions<LedgerDbContext> Shared() =>
        (DbContextOptions<LedgerDbContext>)DataServiceCollectionExtensions
            .UseLedgerStore(new DbContextOptionsBuilder<LedgerDbContext>(), StorageProvider.Sqlite, $"Data Source={Path.Combine(_folder, "ledger.db")};Pooling=True")
            .Options;

    [Fact]
    public async Task AWriterGetsBackTheWritersConnectionNotTheOneAReaderUsed()
    {
        var shared = Shared();
        var writers = WriterConnections.Options(shared);
        await using (var setup = new LedgerDbContext(shared))
        {
            await SchemaMigrator.MigrateAsync(setup);
        }

        var written = await HandleAfterWriteAsync(writers);
        var read = await HandleAfterReadAsync(shared);
        var writtenAgain = await HandleAfterWriteAsync(writers);

        Assert.NotEqual(written, read);
        Assert.Equal(written, writtenAgain);
    }

    [Fact]
    public async Task WritersKeepStatementJournalsInMemoryAndReadersDoNot()
    {
        var shared = Shared();
        await using var writer = new LedgerDbContext(WriterConnections.Options(shared));
        await using var reader = new LedgerDbContext(shared);

        // 2 is MEMORY, 0 the default (a file, as compiled).
        Assert.Equal(2, await TempStoreAsync(writer));
        Assert.Equal(0, await TempStoreAsync(reader));
    }

    [Fact]
    public void OnPostgreSqlTheWritersUseTheStoresOptionsUnchanged()
    {
        var shared = (DbContextOptions<LedgerDbContext>)DataServiceCollectionExtensions
            .UseLedgerStore(new DbContextOptionsBuilder<LedgerDbContext>(), StorageProvider.PostgreSql, "Host=127.0.0.1;Database=unused")
            .Options;

        Assert.Same(shared, WriterConnections.Options(shared));
    }

    private static Task<IntPtr> HandleAfterWriteAsync(DbContextOptions<LedgerDbContext> options) =>
        HandleAfterAsync(options, "INSERT OR REPLACE INTO settings (key, value) VALUES ('writer', '1')");

    private static Task<IntPtr> HandleAfterReadAsync(DbContextOptions<LedgerDbContext> options) =>
        HandleAfterAsync(options, "SELECT value FROM settings WHERE key = 'writer'");

    // The native connection a context of these options ran the statement on.
    private static async Task<IntPtr> HandleAfterAsync(DbContextOptions<LedgerDbContext> options, string sql)
    {
        await using var db = new LedgerDbContext(options);
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!.DangerousGetHandle();
        await db.Database.CloseConnectionAsync();
        return handle;
    }

    private static async Task<int> TempStoreAsync(LedgerDbContext db) =>
        (await db.Database.SqlQueryRaw<int>("SELECT temp_store AS \"Value\" FROM pragma_temp_store").ToListAsync()).Single();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
