using Ledger.Data;
using Ledger.Data.Locking;
using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Storage;

/// <summary>
/// On SQLite the writers of one process queue on an in-process gate before <c>BEGIN IMMEDIATE</c>
/// (<see cref="WriteLock.BeginWriteTransactionAsync"/>): a second writer waits without blocking its thread (it would
/// otherwise sleep inside SQLite's busy handler), gets the lock as soon as the first transaction ends however it ends,
/// and every write of both lands.
/// </summary>
public sealed class WriteGateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ledger-write-gate-").FullName;

    private LedgerDbContext Open() => TestStores.Open(StorageProvider.Sqlite, $"Data Source={Path.Combine(_folder, "ledger.db")}");

    [Theory]
    [InlineData("commit")]
    [InlineData("rollback")]
    [InlineData("dispose")]
    public async Task ASecondWriterWaitsOnTheGateUntilTheFirstTransactionEnds(string ending)
    {
        await using (var setup = Open())
        {
            await SchemaMigrator.MigrateAsync(setup);
        }
        await using var first = Open();
        await using var second = Open();

        var held = await first.Database.BeginWriteTransactionAsync();
        await first.Database.ExecuteSqlRawAsync("INSERT INTO settings (key, value) VALUES ('first', '1')");
        var waiting = second.Database.BeginWriteTransactionAsync();
        // Returned at once, not finished: the second writer is queued on the gate, its thread free.
        Assert.False(waiting.IsCompleted);

        switch (ending)
        {
            case "commit":
                await held.CommitAsync();
                break;
            case "rollback":
                await held.RollbackAsync();
                break;
        }
        await held.DisposeAsync();

        await using (var tx = await waiting)
        {
            await second.Database.ExecuteSqlRawAsync("INSERT INTO settings (key, value) VALUES ('second', '2')");
            await tx.CommitAsync();
        }
        var keys = await second.Database.SqlQueryRaw<string>("SELECT key AS \"Value\" FROM settings WHERE key IN ('first', 'second') ORDER BY key").ToListAsync();
        Assert.Equal(ending == "commit" ? ["first", "second"] : ["second"], keys);
    }

    [Fact]
    public async Task ANestedWriteTransactionOnOneContextIsRefusedNotDeadlocked()
    {
        await using var db = Open();
        await SchemaMigrator.MigrateAsync(db);
        await using var tx = await db.Database.BeginWriteTransactionAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.BeginWriteTransactionAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
