using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Ledger.Api.Storage;
using Ledger.Core.Proofs;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Verification;

/// <summary>A record as the public verification and the proof bundle see it: the record's own columns, its batch,
/// its revocation, its correction, its erasure record's hash and its issuer's name, read by one statement.</summary>
internal sealed record VerifiedRecord(
    string RecordHash,
    int Level,
    string Issuer,
    string? IssuerName,
    string Domain,
    string Type,
    string OccurredAt,
    long ReceivedAtMs,
    string EnvelopeJson,
    string Status,
    string? MerkleProofJson,
    IssuerSection? Signature,
    long? ErasedAtMs,
    string? ErasureRecordHash,
    string? BatchRoot,
    AnchorSection? Anchor,
    RevocationNotice? Revocation,
    SupersessionNotice? Supersession)
{
    /// <summary>The one status everyone is told: erased, then revoked, then superseded, then the anchoring status (<see cref="RecordStanding"/>).</summary>
    public string PublicStatus => RecordStanding.StatusOf(ErasedAtMs is not null, Status, Revocation is not null, Supersession is not null);
}

/// <summary>
/// The public look-up by record hash: one SQL statement (the record joined to its batch, revocation, correction, erasure
/// record and organisation), on SQLite through a small pool of open read connections with the statement prepared once.
/// </summary>
/// <remarks>
/// Public verification is the busiest read there is. Through EF Core it took six queries and a round trip to
/// Microsoft.Data.Sqlite's connection pool (whose lock is contended under load) per request; this is one prepared
/// statement on a connection taken from a lock-free stack (docs/benchmarks.md). SQLite runs in-process, so the
/// statement runs synchronously, as the bare loop's does. On PostgreSQL the same statement runs on the request's
/// context's connection, asynchronously (a network round trip). The statement is the single source of the answer's
/// facts; <see cref="RecordStanding"/> orders the status the same way for authorised reads.
/// </remarks>
internal sealed class VerifyLookup(IOptions<StorageOptions> storage) : IDisposable
{
    internal const string Sql = """
        SELECT r.record_hash, r.level, r.issuer, o.name, r.domain, r.type, r.occurred_at, r.received_at_ms, r.envelope_json,
               r.status, r.merkle_proof_json, r.issuer_address, r.issuer_signature, r.erased_at_ms, er.record_hash,
               b.root, b.state, b.chain_id, b.contract, b.tx_hash, b.block_number, b.block_hash, b.chain_batch_id, b.anchored_at,
               rv.revoked_at_ms, rvr.record_hash, rv.reason_code, s.superseded_at_ms, sr.record_hash
        FROM records r
        LEFT JOIN organisations o ON o.id = r.issuer
        LEFT JOIN records er ON er.id = r.erasure_id
        LEFT JOIN anchor_batches b ON b.id = r.batch_id
        LEFT JOIN revocations rv ON rv.revoked_record_id = r.id
        LEFT JOIN records rvr ON rvr.id = rv.id
        LEFT JOIN supersessions s ON s.superseded_record_id = r.id
        LEFT JOIN records sr ON sr.id = s.id
        WHERE r.record_hash = @hash
        """;

    private readonly ConcurrentStack<ReadSlot> _idle = new();
    private readonly bool _sqlite = storage.Value.Provider == StorageProvider.Sqlite;
    private readonly Lazy<string> _connectionString = new(storage.Value.ResolveConnectionString);
    private int _disposed;

    /// <summary>
    /// The record with this lowercase hash, or null. On SQLite no database context is taken from
    /// <paramref name="requestServices"/>: renting one per request cost the scope's lock and the pool's.
    /// </summary>
    public async Task<VerifiedRecord?> FindAsync(string hash, IServiceProvider requestServices, CancellationToken ct)
    {
        if (_sqlite)
        {
            return FindOnSqlite(hash);
        }
        var db = requestServices.GetRequiredService<LedgerDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "hash";
            parameter.Value = hash;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? Read(reader) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private VerifiedRecord? FindOnSqlite(string hash)
    {
        var slot = _idle.TryPop(out var idle) ? idle : ReadSlot.Open(_connectionString.Value);
        var reusable = false;
        try
        {
            slot.Hash.Value = hash;
            VerifiedRecord? found;
            using (var reader = slot.Command.ExecuteReader())
            {
                found = reader.Read() ? Read(reader) : null;
            }
            reusable = true;
            return found;
        }
        finally
        {
            // A slot whose statement failed (a locked or corrupt file, say) is closed rather than handed out again.
            if (reusable && Volatile.Read(ref _disposed) == 0)
            {
                _idle.Push(slot);
            }
            else
            {
                slot.Dispose();
            }
        }
    }

    private static VerifiedRecord Read(DbDataReader row)
    {
        var batchState = row.IsDBNull(16) ? null : row.GetString(16);
        var anchor = batchState is BatchState.Included or BatchState.Confirmed
            ? new AnchorSection(UInt(row, 17), row.GetString(18), row.GetString(19), UInt(row, 20), row.GetString(21), row.GetString(22), row.GetInt64(23))
            : null;
        return new VerifiedRecord(
            RecordHash: row.GetString(0),
            Level: row.GetInt32(1),
            Issuer: row.GetString(2),
            IssuerName: Text(row, 3),
            Domain: row.GetString(4),
            Type: row.GetString(5),
            OccurredAt: row.GetString(6),
            ReceivedAtMs: row.GetInt64(7),
            EnvelopeJson: row.GetString(8),
            Status: row.GetString(9),
            MerkleProofJson: Text(row, 10),
            Signature: Text(row, 11) is { } address && Text(row, 12) is { } signature ? new IssuerSection(row.GetString(2), address, signature) : null,
            ErasedAtMs: row.IsDBNull(13) ? null : row.GetInt64(13),
            ErasureRecordHash: Text(row, 14),
            BatchRoot: Text(row, 15),
            Anchor: anchor,
            Revocation: row.IsDBNull(24) ? null
                : new RevocationNotice(DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(24)), row.GetString(25), row.GetString(26)),
            Supersession: row.IsDBNull(27) ? null
                : new SupersessionNotice(DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(27)), row.GetString(28)));
    }

    private static string? Text(DbDataReader row, int i) => row.IsDBNull(i) ? null : row.GetString(i);

    // EF Core stores ulong as INTEGER on SQLite and as numeric(20,0) on PostgreSQL.
    private static ulong UInt(DbDataReader row, int i) => Convert.ToUInt64(row.GetValue(i), CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Interlocked.Exchange(ref _disposed, 1);
        while (_idle.TryPop(out var slot))
        {
            slot.Dispose();
        }
    }

    /// <summary>An open read-only connection with the statement prepared on it.</summary>
    private sealed class ReadSlot : IDisposable
    {
        private readonly SqliteConnection _connection;

        private ReadSlot(SqliteConnection connection, SqliteCommand command, SqliteParameter hash)
        {
            _connection = connection;
            Command = command;
            Hash = hash;
        }

        public SqliteCommand Command { get; }

        public SqliteParameter Hash { get; }

        public static ReadSlot Open(string connectionString)
        {
            // Its own native connection, outside Microsoft.Data.Sqlite's pool (Pooling=False): it stays open here.
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            try
            {
                connection.Open();
                using (var pragmas = connection.CreateCommand())
                {
                    // A reader never waits on writers in WAL mode; the timeout covers a checkpoint's brief exclusive moments.
                    // query_only: this connection can never write, whatever runs on it.
                    pragmas.CommandText = "PRAGMA busy_timeout=10000; PRAGMA query_only=ON;";
                    pragmas.ExecuteNonQuery();
                }
                var command = connection.CreateCommand();
                command.CommandText = Sql;
                var hash = command.Parameters.Add("@hash", SqliteType.Text);
                hash.Value = "";
                command.Prepare();
                return new ReadSlot(connection, command, hash);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            Command.Dispose();
            _connection.Dispose();
        }
    }
}
