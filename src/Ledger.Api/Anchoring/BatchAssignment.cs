using System.Text.Json;
using Ledger.Data;
using Ledger.Data.Locking;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Gives records of a sealed batch their batch id, in a write transaction of <see cref="BatchSealer.AssignAsync"/>
/// (one slice of the batch each), by SQL rather than through tracked entities: the write lock, which ingest waits on,
/// is held meanwhile. Only the batch id is written: a record's proof is read from its batch's stored tree
/// (<see cref="Ledger.Data.Anchoring.BatchTree"/>). One UPDATE matches the records to the ids: on SQLite a JSON array
/// of them (json_each), where an UPDATE per record cost about three times as long under the lock in its calls alone;
/// on PostgreSQL an array parameter (one round trip). A record is assigned only while it still waits
/// (<c>batch_id IS NULL</c>), so assigning a slice again changes nothing.
/// </summary>
internal static class BatchAssignment
{
    public static async Task WriteAsync(LedgerDbContext db, long batchId, IReadOnlyList<string> recordIds, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Records are assigned to a batch only inside a write transaction.");
        if (db.Database.IsPostgreSql())
        {
            await using var update = new NpgsqlCommand(
                "UPDATE records SET batch_id = @batch WHERE id = ANY(@ids) AND batch_id IS NULL",
                (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction);
            update.Parameters.AddWithValue("batch", batchId);
            update.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = recordIds.ToArray() });
            await update.ExecuteNonQueryAsync(ct);
            return;
        }
        await using var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        // "+batch_id" keeps SQLite's planner off the (batch_id, received_at_ms) index: through it, every slice scanned
        // every waiting record for the few it assigns (docs/benchmarks.md, "Eighth round"); by the primary key it
        // finds just those.
        command.CommandText = "UPDATE records SET batch_id = $batch WHERE id IN (SELECT value FROM json_each($ids)) AND +batch_id IS NULL";
        command.Parameters.AddWithValue("$batch", batchId);
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(recordIds));
        command.ExecuteNonQuery();
    }
}
