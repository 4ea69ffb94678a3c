using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ledger.Api.Problems;

/// <summary>
/// A write refused because the database's disk is full (SQLite's SQLITE_FULL; also what a size limit such as
/// <c>max_page_count</c> gives; PostgreSQL's SQLSTATE 53100 disk_full). Not the request's fault and not a bug: the request changed nothing and can be sent
/// again once space is freed, so it is a 507 with Retry-After, not a 500.
/// </summary>
internal static class StorageFull
{
    private const int SqliteFullCode = 13;
    private const string PostgresDiskFull = "53100";

    /// <summary>How long callers are asked to wait before retrying: long enough for space to be freed, short enough to catch up.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Whether <paramref name="exception"/>, or any exception inside it, is the database saying the disk is full.</summary>
    public static bool IsCause(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // The low byte is the primary result code; extended codes keep it.
            if (e is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) == SqliteFullCode
                || e is PostgresException { SqlState: PostgresDiskFull })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The 507 problem for <paramref name="what"/> ("the record", "the request") not being stored.</summary>
    public static LedgerProblem Problem(string what) =>
        new(StatusCodes.Status507InsufficientStorage, "Insufficient storage",
            $"The service's disk is full, so {what} was not stored and nothing was saved. Retry after {RetryAfter.TotalSeconds:0} seconds " +
            "(Retry-After); a retry with the same Idempotency-Key is always safe.")
        {
            RetryAfter = RetryAfter,
        };
}
