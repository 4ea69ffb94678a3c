using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Ledger.Api.Access;
using Ledger.Api.Storage;
using Ledger.Core.Records;
using Ledger.Core.Proofs;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Verification;

/// <summary>A record as the public verification and the proof bundle see it: the record's own columns, its batch,
/// its revocation, its correction, its erasure record's hash and its issuer's name, read by one statement.</summary>
/// <remarks>The stored envelope (UTF-8, canonical JSON) is read only for levels the public may see, and only by verify;
/// it is empty otherwise and for an erased record.</remarks>
internal sealed record VerifiedRecord(
    string RecordHash,
    int Level,
    string Issuer,
    string? IssuerName,
    string Domain,
    string Type,
    string OccurredAt,
    long ReceivedAtMs,
    byte[] EnvelopeUtf8,
    string Status,
    IssuerSection? Signature,
    long? ErasedAtMs,
    string? ErasureRecordHash,
    AnchorSection? Anchor,
    RevocationNotice? Revocation,
    SupersessionNotice? Supersession)
{
    /// <summary>The record's Merkle path as stored (a JSON array of hashes) and its batch's root; read for proofs only.</summary>
    public string? MerkleProofJson { get; init; }

    /// <inheritdoc cref="MerkleProofJson"/>
    public string? BatchRoot { get; init; }

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
    // The columns both answers need; a proof adds the Merkle path and the root (columns 27 and 28).
    private const string Columns = """
        SELECT r.record_hash, r.level, r.issuer, o.name, r.domain, r.type, r.occurred_at, r.received_at_ms, r.envelope_json,
               r.status, r.issuer_address, r.issuer_signature, r.erased_at_ms, er.record_hash,
               b.state, b.chain_id, b.contract, b.tx_hash, b.block_number, b.block_hash, b.chain_batch_id, b.anchored_at,
               rv.revoked_at_ms, rvr.record_hash, rv.reason_code, s.superseded_at_ms, sr.record_hash
        """;

    private const string Joins = """

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

    /// <summary>The statement public verification runs: everything but the Merkle path, which it does not show.</summary>
    internal const string VerifySql = Columns + Joins;

    /// <summary>The statement a proof bundle runs: the same facts and the Merkle path with its root.</summary>
    internal const string ProofSql = Columns + ", r.merkle_proof_json, b.root" + Joins;

    private readonly ConcurrentStack<ReadSlot> _idleVerify = new();
    private readonly ConcurrentStack<ReadSlot> _idleProof = new();
    private readonly bool _sqlite = storage.Value.Provider == StorageProvider.Sqlite;
    private readonly Lazy<string> _connectionString = new(storage.Value.ResolveConnectionString);
    private int _disposed;

    /// <summary>
    /// The record with this lowercase hash, or null. On SQLite no database context is taken from
    /// <paramref name="requestServices"/>: renting one per request cost the scope's lock and the pool's.
    /// </summary>
    public Task<VerifiedRecord?> FindAsync(string hash, IServiceProvider requestServices, CancellationToken ct) =>
        FindAsync(hash, proof: false, requestServices, ct);

    /// <summary>As <see cref="FindAsync(string, IServiceProvider, CancellationToken)"/>, with the Merkle path and root a proof bundle needs.</summary>
    public Task<VerifiedRecord?> FindForProofAsync(string hash, IServiceProvider requestServices, CancellationToken ct) =>
        FindAsync(hash, proof: true, requestServices, ct);

    private async Task<VerifiedRecord?> FindAsync(string hash, bool proof, IServiceProvider requestServices, CancellationToken ct)
    {
        if (_sqlite)
        {
            return FindOnSqlite(hash, proof);
        }
        var db = requestServices.GetRequiredService<LedgerDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = proof ? ProofSql : VerifySql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "hash";
            parameter.Value = hash;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? Read(reader, proof) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private VerifiedRecord? FindOnSqlite(string hash, bool proof)
    {
        var idleSlots = proof ? _idleProof : _idleVerify;
        var slot = idleSlots.TryPop(out var idle) ? idle : ReadSlot.Open(_connectionString.Value, proof ? ProofSql : VerifySql);
        var reusable = false;
        try
        {
            slot.Hash.Value = hash;
            VerifiedRecord? found;
            using (var reader = slot.Command.ExecuteReader())
            {
                found = reader.Read() ? Read(reader, proof) : null;
            }
            reusable = true;
            return found;
        }
        finally
        {
            // A slot whose statement failed (a locked or corrupt file, say) is closed rather than handed out again.
            if (reusable && Volatile.Read(ref _disposed) == 0)
            {
                idleSlots.Push(slot);
            }
            else
            {
                slot.Dispose();
            }
        }
    }

    private static VerifiedRecord Read(DbDataReader row, bool proof)
    {
        var level = row.GetInt32(1);
        var batchState = row.IsDBNull(14) ? null : row.GetString(14);
        var anchor = batchState is BatchState.Included or BatchState.Confirmed
            ? new AnchorSection(UInt(row, 15), row.GetString(16), row.GetString(17), UInt(row, 18), row.GetString(19), row.GetString(20), row.GetInt64(21))
            : null;
        return new VerifiedRecord(
            RecordHash: row.GetString(0),
            Level: level,
            Issuer: row.GetString(2),
            IssuerName: Text(row, 3),
            Domain: row.GetString(4),
            Type: row.GetString(5),
            OccurredAt: row.GetString(6),
            ReceivedAtMs: row.GetInt64(7),
            EnvelopeUtf8: !proof && PublicDisclosure.ShowsContent((DataLevel)level) ? Utf8(row, 8) : [],
            Status: row.GetString(9),
            Signature: Text(row, 10) is { } address && Text(row, 11) is { } signature ? new IssuerSection(row.GetString(2), address, signature) : null,
            ErasedAtMs: row.IsDBNull(12) ? null : row.GetInt64(12),
            ErasureRecordHash: Text(row, 13),
            Anchor: anchor,
            Revocation: row.IsDBNull(22) ? null
                : new RevocationNotice(DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(22)), row.GetString(23), row.GetString(24)),
            Supersession: row.IsDBNull(25) ? null
                : new SupersessionNotice(DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(25)), row.GetString(26)))
        {
            MerkleProofJson = proof ? Text(row, 27) : null,
            BatchRoot = proof ? Text(row, 28) : null,
        };
    }

    // SQLite hands a TEXT column's UTF-8 bytes over as they are stored (sqlite3_column_blob): no UTF-16 string between.
    private static byte[] Utf8(DbDataReader row, int i) =>
        row.IsDBNull(i) ? []
        : row is SqliteDataReader ? row.GetFieldValue<byte[]>(i)
        : System.Text.Encoding.UTF8.GetBytes(row.GetString(i));

    private static string? Text(DbDataReader row, int i) => row.IsDBNull(i) ? null : row.GetString(i);

    // EF Core stores ulong as INTEGER on SQLite and as numeric(20,0) on PostgreSQL.
    private static ulong UInt(DbDataReader row, int i) => Convert.ToUInt64(row.GetValue(i), CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Interlocked.Exchange(ref _disposed, 1);
        foreach (var idleSlots in new[] { _idleVerify, _idleProof })
        {
            while (idleSlots.TryPop(out var slot))
            {
                slot.Dispose();
            }
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

        public static ReadSlot Open(string connectionString, string sql)
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
                command.CommandText = sql;
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
