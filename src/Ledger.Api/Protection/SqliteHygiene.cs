using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Protection;

/// <summary>What it takes for deleted secrets to leave the SQLite files, as far as the database can reach.</summary>
internal static class SqliteHygiene
{
    /// <summary>
    /// Copies the write-ahead log into the database and truncates it, so old page images (which may still hold a
    /// deleted key or a plain text) leave the -wal file. If a reader holds an old snapshot the log cannot be truncated
    /// yet; the next checkpoint does it. Backups and file-system snapshots are beyond reach.
    /// </summary>
    public static async Task CheckpointAsync(LedgerDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
}
