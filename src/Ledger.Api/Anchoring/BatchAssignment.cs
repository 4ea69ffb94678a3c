using Ledger.Data;
using Ledger.Data.Locking;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Gives each record of a newly sealed batch its batch id, inside the sealing transaction, by SQL rather than through
/// tracked entities: a batch is up to <see cref="AnchoringOptions.MaxBatchSize"/> rows, and the write lock — which
/// ingest waits on — is held meanwhile. Only the batch id is written: a record's proof is read from its batch's stored
/// tree (<see cref="Ledger.Data.Anchoring.BatchTree"/>). On SQLite one prepared UPDATE runs per record (in-process, a
/// few microseconds each); on PostgreSQL one UPDATE matches the records to an array (one round trip). A record is
/// assigned only while it still waits (<c>batch_id IS NULL</c>); the count of records assigned is returned, and the
/// caller rolls back when it is short.
/// </summary>
internal static class BatchAssignment
{
    public static async Task<int> WriteAsync(LedgerDbContext db, long batchId, IReadOnlyList<string> recordIds, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A batch is assigned only inside its sealing transaction.");
        if (db.Database.IsPostgreSql())
        {
            await using var update = new NpgsqlCommand(
                "UPDATE records SET batch_id = @batch WHERE id = ANY(@ids) AND batch_id IS NULL",
                (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction);
            update.Parameters.AddWithValue("batch", batchId);
            update.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = recordIds.ToArray() });
            return await update.ExecuteNonQueryAsync(ct);
        }
        await using var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = "UPDATE records SET batch_id = $batch WHERE id = $id AND batch_id IS NULL";
        command.Parameters.AddWithValue("$batch", batchId);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        command.Prepare();
        var total = 0;
        foreach (var recordId in recordIds)
        {
            id.Value = recordId;
            total += command.ExecuteNonQuery();
        }
        return total;
    }
}
