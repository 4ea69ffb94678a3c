using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ledger.Api.Records.Writing;

/// <summary>
/// The records of one commit attempt and their Idempotency-Key rows, inserted on SQLite by prepared statements inside
/// the commit's transaction rather than through EF Core's change tracking; on PostgreSQL they go through the context as
/// before, where EF Core batches them into one round trip.
/// </summary>
/// <remarks>
/// A record row is written once and never changed by the commit (its batch is set later, when it is sealed), so
/// tracking it buys nothing, while detecting changes over every tracked row and building a command per row was the
/// largest share of the single writer's time (docs/benchmarks.md). Rows are held until <see cref="FlushAsync"/>, which
/// the commit calls wherever it saved the context before, so every effect, rule and projection sees exactly the rows it
/// saw before. Records go first: other rows of the commit (idempotency keys, effects' rows) refer to them.
/// </remarks>
internal sealed class RecordInserts(LedgerDbContext db) : IDisposable
{
    private const string Sql = """
        INSERT INTO records (id, domain, type, level, issuer, occurred_at, received_at_ms, envelope_json, record_hash,
            submitted_by, status, batch_id, merkle_proof_json, sealed_envelope, data_key_id, issuer_address, issuer_signature,
            erased_at_ms, erasure_id)
        VALUES ($id, $domain, $type, $level, $issuer, $occurred_at, $received_at_ms, $envelope_json, $record_hash,
            $submitted_by, $status, $batch_id, $merkle_proof_json, $sealed_envelope, $data_key_id, $issuer_address, $issuer_signature,
            $erased_at_ms, $erasure_id)
        """;

    private const string KeySql = """
        INSERT INTO idempotent_submissions (api_key_id, idempotency_key, request_hash, record_id, created_at_ms)
        VALUES ($api_key_id, $idempotency_key, $request_hash, $record_id, $created_at_ms)
        """;

    private readonly bool _raw = db.Database.IsSqlite();
    private readonly List<StoredRecord> _pending = [];
    private readonly List<IdempotentSubmission> _pendingKeys = [];
    private SqliteCommand? _insert;
    private SqliteCommand? _insertKey;

    /// <summary>Queues <paramref name="record"/> for the next flush.</summary>
    public void Add(StoredRecord record)
    {
        if (_raw)
        {
            _pending.Add(record);
        }
        else
        {
            db.Records.Add(record);
        }
    }

    /// <summary>Queues the Idempotency-Key row of a record queued before it.</summary>
    public void Add(IdempotentSubmission key)
    {
        if (_raw)
        {
            _pendingKeys.Add(key);
        }
        else
        {
            db.IdempotentSubmissions.Add(key);
        }
    }

    /// <summary>Inserts the queued records and then their keys, then saves whatever else the context tracks.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        if (_pending.Count > 0)
        {
            var insert = _insert ??= Prepare(Sql, "$id", "$domain", "$type", "$level", "$issuer", "$occurred_at", "$received_at_ms",
                "$envelope_json", "$record_hash", "$submitted_by", "$status", "$batch_id", "$merkle_proof_json", "$sealed_envelope",
                "$data_key_id", "$issuer_address", "$issuer_signature", "$erased_at_ms", "$erasure_id");
            foreach (var record in _pending)
            {
                Bind(insert, record);
                insert.ExecuteNonQuery();
            }
            _pending.Clear();
        }
        if (_pendingKeys.Count > 0)
        {
            var insert = _insertKey ??= Prepare(KeySql, "$api_key_id", "$idempotency_key", "$request_hash", "$record_id", "$created_at_ms");
            foreach (var key in _pendingKeys)
            {
                var p = insert.Parameters;
                p[0].Value = key.ApiKeyId;
                p[1].Value = key.Key;
                p[2].Value = key.RequestHash;
                p[3].Value = key.RecordId;
                p[4].Value = key.CreatedAtMs;
                insert.ExecuteNonQuery();
            }
            _pendingKeys.Clear();
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Forgets queued rows that a rollback to a savepoint took back.</summary>
    public void Forget()
    {
        _pending.Clear();
        _pendingKeys.Clear();
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = (SqliteTransaction)(db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Records are inserted only inside the commit's write transaction."));
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand insert, StoredRecord record)
    {
        var p = insert.Parameters;
        p[0].Value = record.Id;
        p[1].Value = record.Domain;
        p[2].Value = record.Type;
        p[3].Value = record.Level;
        p[4].Value = record.Issuer;
        p[5].Value = record.OccurredAt;
        p[6].Value = record.ReceivedAtMs;
        p[7].Value = record.EnvelopeJson;
        p[8].Value = record.RecordHash;
        p[9].Value = record.SubmittedBy;
        p[10].Value = Core.Proofs.RecordStatus.Pending; // the column keeps its insert-time value; the live status is the batch's
        p[11].Value = Nullable(record.BatchId);
        p[12].Value = (object?)record.MerkleProofJson ?? DBNull.Value;
        p[13].Value = (object?)record.SealedEnvelope ?? DBNull.Value;
        p[14].Value = (object?)record.DataKeyId ?? DBNull.Value;
        p[15].Value = (object?)record.IssuerAddress ?? DBNull.Value;
        p[16].Value = (object?)record.IssuerSignature ?? DBNull.Value;
        p[17].Value = Nullable(record.ErasedAtMs);
        p[18].Value = (object?)record.ErasureId ?? DBNull.Value;
    }

    private static object Nullable(long? value) => value is { } v ? v : DBNull.Value;

    public void Dispose()
    {
        _insert?.Dispose();
        _insertKey?.Dispose();
    }
}
