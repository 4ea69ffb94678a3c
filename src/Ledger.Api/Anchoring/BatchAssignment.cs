using Ledger.Data;
using Ledger.Data.Locking;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Gives each record of a newly sealed batch its batch id and Merkle proof, inside the sealing transaction, by SQL
/// rather than through tracked entities: a batch is up to <see cref="AnchoringOptions.MaxBatchSize"/> rows, and the
/// write lock — which ingest waits on — is held meanwhile. On SQLite one prepared UPDATE runs per record (in-process,
/// a few microseconds each); on PostgreSQL one UPDATE joins the records to two arrays (one round trip). A record is
/// assigned only while it still waits (<c>batch_id IS NULL</c>); the count of records assigned is returned, and the
/// caller rolls back when it is short.
/// </summary>
internal static class BatchAssignment
{
    public static async Task<int> WriteAsync(LedgerDbContext db, long batchId, IReadOnlyList<(string Id, string ProofJson)> proofs, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A batch is assigned only inside its sealing transaction.");
        if (db.Database.IsPostgreSql())
        {
            await using var update = new NpgsqlCommand(
                "UPDATE records AS r SET batch_id = @batch, merkle_proof_json = v.proof "
                + "FROM unnest(@ids, @proofs) AS v(id, proof) WHERE r.id = v.id AND r.batch_id IS NULL",
                (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction);
            update.Parameters.AddWithValue("batch", batchId);
            update.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = proofs.Select(p => p.Id).ToArray() });
            update.Parameters.Add(new NpgsqlParameter("proofs", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = proofs.Select(p => p.ProofJson).ToArray() });
            return await update.ExecuteNonQueryAsync(ct);
        }
        await using var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = "UPDATE records SET batch_id = $batch, merkle_proof_json = $proof WHERE id = $id AND batch_id IS NULL";
        command.Parameters.AddWithValue("$batch", batchId);
        var proof = command.Parameters.Add("$proof", SqliteType.Text);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        command.Prepare();
        var total = 0;
        foreach (var (recordId, proofJson) in proofs)
        {
            id.Value = recordId;
            proof.Value = proofJson;
            total += command.ExecuteNonQuery();
        }
        return total;
    }
}
