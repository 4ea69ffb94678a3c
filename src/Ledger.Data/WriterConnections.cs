using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Infrastructure.Internal;

namespace Ledger.Data;

/// <summary>
/// The options of the contexts that write records: the record writer's group commits and the sealer's transactions.
/// On SQLite their connections come from a pool of their own, and keep their statement journals in memory; on
/// PostgreSQL they are the store's options unchanged.
/// </summary>
/// <remarks>
/// <para>A pool of their own: SQLite drops a connection's whole page cache when it starts a transaction after another
/// connection wrote. Writers that took whichever pooled connection a request had just read with found a cold cache at
/// nearly every commit and read their pages again. Writers take turns under the write lock, so they mostly get back
/// the connection that wrote last, whose cache is still good. Microsoft.Data.Sqlite pools by connection string; the
/// writers' string differs from the store's by <c>Cache=Private</c>, which is SQLite's default cache mode anyway (a store
/// string that already says <c>Cache=Private</c> leaves one pool for all, which is only slower).</para>
/// <para>Statement journals in memory (<c>temp_store=MEMORY</c>): an UPDATE or INSERT inside a transaction that could fail
/// half-way keeps a copy of every page it changes, to undo just that statement. Past 64 KiB SQLite spills that copy to
/// a temporary file: assigning 256 records to their batch created, wrote and deleted one each time. Only the writers
/// get the setting, because it also keeps sorts in memory, and a writer sorts nothing large.</para>
/// </remarks>
public static class WriterConnections
{
    /// <summary>The writers' options, derived from the store's <paramref name="shared"/> options.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "EF1001:Internal EF Core API usage.", Justification = "Reads the configured connection string; no public accessor exists.")]
    public static DbContextOptions<LedgerDbContext> Options(DbContextOptions<LedgerDbContext> shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        if (shared.FindExtension<SqliteOptionsExtension>()?.ConnectionString is not { } connectionString)
        {
            return shared;
        }
        var writers = new SqliteConnectionStringBuilder(connectionString) { Cache = SqliteCacheMode.Private }.ToString();
        return new DbContextOptionsBuilder<LedgerDbContext>(shared)
            .UseSqlite(writers)
            .AddInterceptors(new WriterPragmas())
            .Options;
    }

    // Once per native connection, after the store's own settings (SqlitePragmas), like them.
    private sealed class WriterPragmas : DbConnectionInterceptor
    {
        private const string Pragmas = "PRAGMA temp_store=MEMORY;";

        private static readonly ConditionalWeakTable<object, object> Configured = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (Handle(connection) is { } handle && !Configured.TryGetValue(handle, out _))
            {
                using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                command.ExecuteNonQuery();
                Configured.TryAdd(handle, handle);
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Handle(connection) is { } handle && !Configured.TryGetValue(handle, out _))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
                Configured.TryAdd(handle, handle);
            }
        }

        private static object? Handle(DbConnection connection) => (connection as SqliteConnection)?.Handle;
    }
}
