using Ledger.Data.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Infrastructure.Internal;

namespace Ledger.Data;

/// <summary>
/// The options of the contexts that write records: the record writer's group commits and the sealer's transactions.
/// On SQLite their connections keep statement journals in memory and come from a pool of their own; on PostgreSQL
/// they are the store's options unchanged.
/// </summary>
/// <remarks>
/// <para>Statement journals in memory (<c>temp_store=MEMORY</c>): an UPDATE or INSERT inside a transaction that could
/// fail half-way keeps a copy of every page it changes, to undo just that statement. Past 64 KiB SQLite spills that
/// copy to a temporary file: assigning 256 records to their batch created, wrote and deleted one each time, 14 % of
/// the service's <c>pwrite</c> calls under ingest (docs/benchmarks.md, "Ninth round"). The setting also keeps sorts in
/// memory, so only the writers get it: they sort nothing large, while a reader's sort may be.</para>
/// <para>A pool of their own is how only the writers get it: Microsoft.Data.Sqlite pools by connection string, and the
/// writers' string differs from the store's by <c>Cache=Private</c>, which is SQLite's default cache mode anyway. (A
/// store string that already says <c>Cache=Private</c> leaves one pool for all: the writers' setting then reaches
/// readers too.) Writers take turns under the write lock, so they mostly get back the connection that wrote last,
/// whose page cache SQLite keeps; that measured as no fewer reads, since the reads left under ingest are the WAL
/// checkpoint's.</para>
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
        // The store's interceptors come along (its settings first), then the writers' own.
        return new DbContextOptionsBuilder<LedgerDbContext>(shared)
            .UseSqlite(writers)
            .AddInterceptors(new SqlitePragmas(SqlitePragmas.Writers))
            .Options;
    }
}
