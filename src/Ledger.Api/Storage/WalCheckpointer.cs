using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Storage;

/// <summary>
/// Copies SQLite's write-ahead log back into the database every <see cref="StorageOptions.CheckpointInterval"/>, on a
/// connection of its own, so that no commit does it. Left to SQLite, the commit that crosses 1,000 pages of log runs
/// the checkpoint itself — a few megabytes copied and an fsync of the database file — while it still holds the write
/// lock every ingest commit waits on; under steady ingest that was several times a second, and it was the largest
/// part of ingest's latency tail (docs/benchmarks.md, "Sixth round"). A PASSIVE checkpoint takes no lock a writer or
/// a reader needs: it copies what no open read still needs and leaves the rest for the next round. The service's own
/// connections are opened with <c>wal_autocheckpoint=0</c> when this runs (<c>SqlitePragmas</c>); the last connection
/// to close still checkpoints, as SQLite always does, and other programs opening the file (the <c>ledger</c> tool)
/// keep SQLite's automatic checkpoints.
/// </summary>
internal sealed partial class WalCheckpointer(IOptions<StorageOptions> storage, TimeProvider time, ILogger<WalCheckpointer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = storage.Value.CheckpointInterval;
        // Its own native connection, outside Microsoft.Data.Sqlite's pool: it stays open while the service runs.
        var connectionString = new SqliteConnectionStringBuilder(storage.Value.ResolveConnectionString()) { Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        SqliteCommand? checkpoint = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, time, stoppingToken);
                try
                {
                    checkpoint ??= await OpenAsync(connection, stoppingToken);
                    await using var result = await checkpoint.ExecuteReaderAsync(stoppingToken);
                    if (await result.ReadAsync(stoppingToken))
                    {
                        LogCheckpoint(result.GetInt64(1), result.GetInt64(2));
                    }
                }
                catch (SqliteException e)
                {
                    // A busy or failing file is the writers' problem to report; the log is copied at the next round,
                    // on a connection opened afresh if this one never got ready.
                    LogCheckpointFailed(e.SqliteErrorCode, e.Message);
                    if (checkpoint is null)
                    {
                        await connection.CloseAsync();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            if (checkpoint is not null)
            {
                await checkpoint.DisposeAsync();
            }
        }
    }

    private static async Task<SqliteCommand> OpenAsync(SqliteConnection connection, CancellationToken ct)
    {
        await connection.OpenAsync(ct);
        await using (var pragmas = connection.CreateCommand())
        {
            // synchronous=FULL as the writers have it: the database file is synced before the log is marked copied.
            pragmas.CommandText = "PRAGMA busy_timeout=10000; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=0;";
            await pragmas.ExecuteNonQueryAsync(ct);
        }
        var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        return checkpoint;
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Checkpoint: {Copied} of {Frames} log frames copied into the database.")]
    private partial void LogCheckpoint(long frames, long copied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A checkpoint of the write-ahead log failed (SQLite error {Code}: {Reason}); it is tried again at the next interval.")]
    private partial void LogCheckpointFailed(int code, string reason);
}
