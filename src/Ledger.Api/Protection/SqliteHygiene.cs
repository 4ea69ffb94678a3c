using Ledger.Data;
using Ledger.Data.Locking;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Protection;

/// <summary>What it takes for deleted secrets to leave the SQLite files, as far as the database can reach.</summary>
internal static class SqliteHygiene
{
    /// <summary>
    /// Copies the write-ahead log into the database and truncates it, so old page images (which may still hold a
    /// deleted key or a plain text) leave the -wal file. If a reader holds an old snapshot the log cannot be truncated
    /// yet; the next checkpoint does it. Backups and file-system snapshots are beyond reach. On PostgreSQL there is
    /// nothing the service can do here (old row versions wait for VACUUM, WAL for recycling: docs/security.md).
    /// </summary>
    public static async Task CheckpointAsync(LedgerDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsPostgreSql())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
        }
    }
}
