using Ledger.Cli.CommandLine;
using Ledger.Data;
using Microsoft.Data.Sqlite;

namespace Ledger.Cli.Commands.Storage;

/// <summary>
/// Copies a SQLite ledger with SQLite's online backup API: a consistent snapshot of the committed state, taken page by
/// page while the service keeps writing (a writer that commits meanwhile makes the copy restart, never tear), written to
/// a temporary file, checked, and only then given its name, owner-readable only.
/// </summary>
internal static class SqliteCopy
{
    public const string DatabaseFileName = "ledger.db";

    /// <summary>What a copy holds, for the operator's line.</summary>
    public sealed record Contents(long Records, long Batches, long ConfirmedBatches);

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/>, which must not exist yet.</summary>
    public static async Task<Contents> CopyAsync(string source, string destination, CancellationToken ct)
    {
        var temporary = destination + ".partial";
        DeleteWithCompanions(temporary);
        OwnerOnlyDatabase.Secure(temporary);
        try
        {
            await using (var from = await OpenAsync(source, SqliteOpenMode.ReadOnly, ct))
            await using (var to = await OpenAsync(temporary, SqliteOpenMode.ReadWrite, ct))
            {
                from.BackupDatabase(to);
            }
            var contents = await CheckAsync(temporary, ct);
            File.Move(temporary, destination);
            return contents;
        }
        finally
        {
            DeleteWithCompanions(temporary);
        }
    }

    /// <summary>Runs SQLite's integrity check and counts what the copy holds.</summary>
    /// <exception cref="UsageException">Not a ledger database, or a damaged one.</exception>
    public static async Task<Contents> CheckAsync(string file, CancellationToken ct)
    {
        try
        {
            await using var db = await OpenAsync(file, SqliteOpenMode.ReadOnly, ct);
            var integrity = (string?)await ScalarAsync(db, "PRAGMA integrity_check", ct);
            if (integrity != "ok")
            {
                throw new UsageException($"{file} fails SQLite's integrity check: {integrity}");
            }
            return new Contents(
                (long)(await ScalarAsync(db, "SELECT count(*) FROM records", ct))!,
                (long)(await ScalarAsync(db, "SELECT count(*) FROM anchor_batches", ct))!,
                (long)(await ScalarAsync(db, "SELECT count(*) FROM anchor_batches WHERE state = 'confirmed'", ct))!);
        }
        catch (SqliteException e)
        {
            throw new UsageException($"{file} is not a ledger database: {e.Message}");
        }
    }

    /// <summary>The holder of an unexpired lease in <paramref name="file"/> (a running instance), or null.</summary>
    public static async Task<string?> LeaseHolderAsync(string file, CancellationToken ct)
    {
        await using var db = await OpenAsync(file, SqliteOpenMode.ReadOnly, ct);
        using var command = db.CreateCommand();
        command.CommandText = "SELECT holder FROM leases WHERE expires_at_ms > $now LIMIT 1";
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        try
        {
            return (string?)await command.ExecuteScalarAsync(ct);
        }
        catch (SqliteException)
        {
            return null; // a database from before leases existed: nothing can hold one
        }
    }

    /// <summary>Removes every lease from a restored copy.</summary>
    public static async Task ClearLeasesAsync(string file, CancellationToken ct)
    {
        await using var db = await OpenAsync(file, SqliteOpenMode.ReadWrite, ct);
        using var command = db.CreateCommand();
        command.CommandText = "DELETE FROM leases";
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<SqliteConnection> OpenAsync(string file, SqliteOpenMode mode, CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync(ct);
        return connection;
    }

    private static Task<object?> ScalarAsync(SqliteConnection db, string sql, CancellationToken ct)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalarAsync(ct);
    }

    /// <summary>Deletes a database file and its -wal and -shm companions.</summary>
    public static void DeleteWithCompanions(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(file + suffix);
        }
    }
}
