using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Ledger.Api.Access;
using Ledger.Api.Storage;
using Ledger.Core.Encoding;
using Ledger.Core.Merkle;
using Ledger.Core.Records;
using Ledger.Core.Proofs;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Microsoft.Data.Sqlite;
using SQLitePCL;
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
    /// <summary>The record's Merkle path (<see cref="MerklePaths"/>) and its batch's root; read for proofs only.</summary>
    public IReadOnlyList<string>? MerkleProof { get; init; }

    /// <inheritdoc cref="MerkleProof"/>
    public string? BatchRoot { get; init; }

    // Where the path comes from, read for proofs: the path stored with a record sealed before batch trees, or the
    // batch whose tree holds it.
    internal string? StoredPathJson { get; init; }

    internal long? BatchId { get; init; }

    /// <summary>How many records the batch's tree holds; with <see cref="BatchId"/>.</summary>
    internal int? BatchLeafCount { get; init; }

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
/// statement on a connection taken from a lock-free stack (docs/benchmarks.md), stepped through SQLite's own API
/// (<see cref="StatementRow"/>) rather than the ADO.NET reader. SQLite runs in-process, so the
/// statement runs synchronously, as the bare loop's does. On PostgreSQL the same statement runs on the request's
/// context's connection, asynchronously (a network round trip). The statement is the single source of the answer's
/// facts; <see cref="RecordStanding"/> orders the status the same way for authorised reads.
/// </remarks>
internal sealed class VerifyLookup(IOptions<StorageOptions> storage) : IDisposable
{
    // The columns both answers need; a proof adds the stored Merkle path, the root and the batch's id (columns 26–28).
    private const string Columns = """
        SELECT r.record_hash, r.level, r.issuer, o.name, r.domain, r.type, r.occurred_at, r.received_at_ms, r.envelope_json,
               r.issuer_address, r.issuer_signature, r.erased_at_ms, er.record_hash,
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
        """;

    private const string Where = "\nWHERE r.record_hash = @hash";

    /// <summary>The statement public verification runs: everything but the Merkle path, which it does not show.</summary>
    internal const string VerifySql = Columns + Joins + Where;

    /// <summary>
    /// The statement a proof bundle runs: the same facts, the path stored with a record sealed before batch trees, the
    /// root, the batch whose tree holds the path and its size (the tree is kept in memory for the newest batches, else
    /// read by <see cref="BlockSql"/>).
    /// </summary>
    internal const string ProofSql = Columns + ", r.merkle_proof_json, b.root, r.batch_id, b.leaf_count" + Joins + Where;

    /// <summary>One block of a batch's stored tree: a proof of an older batch reads the three or four on its path.</summary>
    internal const string BlockSql = "SELECT nodes FROM batch_tree_blocks WHERE batch_id = @batch AND block = @block";

    /// <summary>Every block of a batch's stored tree, for a tree kept whole in memory.</summary>
    internal const string BlocksSql = "SELECT block, nodes FROM batch_tree_blocks WHERE batch_id = @batch";

    /// <summary>A tree stored whole, by a batch sealed before blocks (migration 0018).</summary>
    internal const string TreeSql = "SELECT nodes FROM batch_trees WHERE batch_id = @batch";

    private readonly BatchTreeCache _trees = new(BatchTreeCache.DefaultBytes);
    private long _newestBatch;
    private readonly ConcurrentStack<ReadSlot> _idleVerify = new();
    private readonly ConcurrentStack<ReadSlot> _idleProof = new();
    private readonly bool _sqlite = storage.Value.Provider == StorageProvider.Sqlite;
    private readonly Lazy<string> _connectionString = new(storage.Value.ResolveConnectionString);
    private int _disposed;

    /// <summary>
    /// The record with this lowercase hash, or null; with its Merkle path and root when <paramref name="proof"/> (a
    /// proof bundle needs them, verify does not). On SQLite the request's services are not touched: renting a
    /// database context per request cost the scope's lock and the pool's, and opening the scope alone is measurable.
    /// </summary>
    public async Task<VerifiedRecord?> FindAsync(string hash, bool proof, HttpContext request, CancellationToken ct)
    {
        if (_sqlite)
        {
            return FindOnSqlite(hash, proof);
        }
        var db = request.RequestServices.GetRequiredService<LedgerDbContext>();
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
            VerifiedRecord? found;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                found = await reader.ReadAsync(ct) ? Read(new ReaderRow(reader), proof) : null;
            }
            if (found is not null && proof)
            {
                found = await WithPathAsync(found, connection, ct);
            }
            return found;
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
            var found = slot.Find(hash, proof);
            if (found is not null && proof)
            {
                found = WithPathOnSqlite(found, slot);
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

    // A proof's Merkle path is the one stored with its record (sealed before batch trees) or read from its batch's
    // tree. The trees of the newest batches are kept in memory (keyed by root: a root names its leaves, so a kept
    // tree is never another batch's, even one sealed again under the same id); of an older batch's tree only the
    // blocks on the record's path are read, so proofs spread over a large store neither read 128 KiB each nor churn
    // the cache (docs/benchmarks.md).
    private VerifiedRecord WithPathOnSqlite(VerifiedRecord record, ReadSlot slot)
    {
        if (record.StoredPathJson is not null || record.BatchId is not { } batchId || record.BatchRoot is not { } root)
        {
            return WithPath(record, null);
        }
        if (_trees.Find(root) is { } kept)
        {
            return WithPath(record, kept);
        }
        if (IsRecent(batchId) && slot.Tree(batchId) is { } read)
        {
            _trees.Keep(root, read);
            return WithPath(record, read);
        }
        return record with { MerkleProof = slot.PathInTree(batchId, record.BatchLeafCount ?? 0, record.RecordHash) };
    }

    private async Task<VerifiedRecord> WithPathAsync(VerifiedRecord record, DbConnection connection, CancellationToken ct)
    {
        if (record.StoredPathJson is not null || record.BatchId is not { } batchId || record.BatchRoot is not { } root)
        {
            return WithPath(record, null);
        }
        var nodes = _trees.Find(root);
        if (nodes is null && await ReadTreeAsync(connection, batchId, ct) is { } read)
        {
            nodes = read;
            if (IsRecent(batchId))
            {
                _trees.Keep(root, read);
            }
        }
        return WithPath(record, nodes);
    }

    private static VerifiedRecord WithPath(VerifiedRecord record, byte[]? nodes) =>
        record with { MerkleProof = MerklePaths.Of(record.RecordHash, record.StoredPathJson, nodes ?? []) };

    // One of the newest batches proofs have asked about, as many as the cache holds full trees of.
    private bool IsRecent(long batchId)
    {
        var newest = Volatile.Read(ref _newestBatch);
        while (batchId > newest)
        {
            var seen = Interlocked.CompareExchange(ref _newestBatch, batchId, newest);
            if (seen == newest)
            {
                return true;
            }
            newest = seen;
        }
        return batchId > newest - BatchTreeCache.FullTrees;
    }

    // On PostgreSQL a proof reads its batch's whole tree in one round trip: its blocks, else the tree stored whole.
    private static async Task<byte[]?> ReadTreeAsync(DbConnection connection, long batchId, CancellationToken ct)
    {
        var blocks = new Dictionary<int, byte[]>();
        await using (var command = TreeCommand(connection, BlocksSql, batchId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                blocks[reader.GetInt32(0)] = (byte[])reader.GetValue(1);
            }
        }
        if (blocks.Count > 0)
        {
            return MerkleTreeBlocks.Join(blocks);
        }
        await using var whole = TreeCommand(connection, TreeSql, batchId);
        return await whole.ExecuteScalarAsync(ct) as byte[];
    }

    private static DbCommand TreeCommand(DbConnection connection, string sql, long batchId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "batch";
        parameter.Value = batchId;
        command.Parameters.Add(parameter);
        return command;
    }

    private static VerifiedRecord Read<TRow>(TRow row, bool proof)
        where TRow : IRow
    {
        var level = row.Int32(1);
        var batchState = TextOrNull(row, 13);
        var anchor = batchState is BatchState.Included or BatchState.Confirmed
            ? new AnchorSection(row.UInt64(14), row.Text(15), row.Text(16), row.UInt64(17), row.Text(18), row.Text(19), row.Int64(20))
            : null;
        var issuer = row.Text(2);
        var recordHash = row.Text(0);
        return new VerifiedRecord(
            RecordHash: recordHash,
            Level: level,
            Issuer: issuer,
            IssuerName: TextOrNull(row, 3),
            Domain: row.Text(4),
            Type: row.Text(5),
            OccurredAt: row.Text(6),
            ReceivedAtMs: row.Int64(7),
            EnvelopeUtf8: !proof && PublicDisclosure.ShowsContent((DataLevel)level) && !row.IsNull(8) ? row.Utf8(8) : [],
            Status: BatchState.RecordStatus(batchState),
            Signature: TextOrNull(row, 9) is { } address && TextOrNull(row, 10) is { } signature ? new IssuerSection(issuer, address, signature) : null,
            ErasedAtMs: row.IsNull(11) ? null : row.Int64(11),
            ErasureRecordHash: TextOrNull(row, 12),
            Anchor: anchor,
            Revocation: row.IsNull(21) ? null
                : new RevocationNotice(DateTimeOffset.FromUnixTimeMilliseconds(row.Int64(21)), row.Text(22), row.Text(23)),
            Supersession: row.IsNull(24) ? null
                : new SupersessionNotice(DateTimeOffset.FromUnixTimeMilliseconds(row.Int64(24)), row.Text(25)))
        {
            StoredPathJson = proof ? TextOrNull(row, 26) : null,
            BatchRoot = proof ? TextOrNull(row, 27) : null,
            BatchId = proof && !row.IsNull(28) ? row.Int64(28) : null,
            BatchLeafCount = proof && !row.IsNull(29) ? row.Int32(29) : null,
        };
    }

    // A static generic helper rather than a default interface method: calling one of those on a struct boxes it.
    private static string? TextOrNull<TRow>(TRow row, int i)
        where TRow : IRow => row.IsNull(i) ? null : row.Text(i);

    public void Dispose()
    {
        Interlocked.Exchange(ref _disposed, 1);
        _trees.Dispose();
        foreach (var idleSlots in new[] { _idleVerify, _idleProof })
        {
            while (idleSlots.TryPop(out var slot))
            {
                slot.Dispose();
            }
        }
    }

    /// <summary>The columns of the one result row, read the same way from either provider.</summary>
    private interface IRow
    {
        bool IsNull(int i);

        string Text(int i);

        int Int32(int i);

        long Int64(int i);

        ulong UInt64(int i);

        /// <summary>A TEXT column's UTF-8 bytes.</summary>
        byte[] Utf8(int i);

    }

    /// <summary>A row of an ADO.NET reader (PostgreSQL).</summary>
    private readonly struct ReaderRow(DbDataReader row) : IRow
    {
        public bool IsNull(int i) => row.IsDBNull(i);

        public string Text(int i) => row.GetString(i);

        public int Int32(int i) => row.GetInt32(i);

        public long Int64(int i) => row.GetInt64(i);

        // EF Core stores ulong as numeric(20,0) on PostgreSQL.
        public ulong UInt64(int i) => Convert.ToUInt64(row.GetValue(i), CultureInfo.InvariantCulture);

        public byte[] Utf8(int i) => System.Text.Encoding.UTF8.GetBytes(row.GetString(i));

    }

    /// <summary>
    /// A row of a statement stepped through SQLite's own API: one native call per value (two for a nullable one),
    /// where Microsoft.Data.Sqlite's reader makes three or four, each with its safe-handle bookkeeping — about a
    /// tenth of a public look-up's time over 27 columns (docs/benchmarks.md, "Fifth round").
    /// </summary>
    private readonly struct StatementRow(sqlite3_stmt statement) : IRow
    {
        public bool IsNull(int i) => raw.sqlite3_column_type(statement, i) == raw.SQLITE_NULL;

        public string Text(int i) => raw.sqlite3_column_text(statement, i).utf8_to_string();

        public int Int32(int i) => raw.sqlite3_column_int(statement, i);

        public long Int64(int i) => raw.sqlite3_column_int64(statement, i);

        // EF Core stores ulong as INTEGER on SQLite: the same 64 bits.
        public ulong UInt64(int i) => unchecked((ulong)raw.sqlite3_column_int64(statement, i));

        // The stored bytes as they are (sqlite3_column_blob on TEXT): no UTF-16 string between.
        public byte[] Utf8(int i) => raw.sqlite3_column_blob(statement, i).ToArray();

    }

    private delegate T? TreeReader<T>(ReadOnlySpan<byte> nodes)
        where T : class;

    /// <summary>An open read-only connection with the statement prepared on it.</summary>
    private sealed class ReadSlot : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt _statement;
        private sqlite3_stmt? _tree;
        private sqlite3_stmt? _block;
        private sqlite3_stmt? _blocks;

        private ReadSlot(SqliteConnection connection, sqlite3_stmt statement)
        {
            _connection = connection;
            _statement = statement;
        }

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
                Check(connection, raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
                return new ReadSlot(connection, statement);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Binds the hash (the statement's one parameter), steps once and reads the row, if there is one.</summary>
        public VerifiedRecord? Find(string hash, bool proof)
        {
            try
            {
                Check(_connection, raw.sqlite3_bind_text(_statement, 1, hash));
                return StepsToRow(_statement) ? Read(new StatementRow(_statement), proof) : null;
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
        }

        /// <summary>Batch <paramref name="batchId"/>'s whole stored tree (its blocks put together), or null.</summary>
        public byte[]? Tree(long batchId)
        {
            _blocks ??= Prepare(BlocksSql);
            var blocks = new Dictionary<int, byte[]>();
            try
            {
                Check(_connection, raw.sqlite3_bind_int64(_blocks, 1, batchId));
                while (StepsToRow(_blocks))
                {
                    blocks[raw.sqlite3_column_int(_blocks, 0)] = raw.sqlite3_column_blob(_blocks, 1).ToArray();
                }
            }
            finally
            {
                raw.sqlite3_reset(_blocks);
            }
            return blocks.Count > 0 ? MerkleTreeBlocks.Join(blocks) : WholeTree(batchId, static nodes => nodes.ToArray());
        }

        /// <summary>
        /// The path of <paramref name="recordHash"/> in batch <paramref name="batchId"/>'s stored tree, reading only the
        /// blocks on it (a tree stored whole is read in SQLite's own buffer); null when the batch has no tree.
        /// </summary>
        public IReadOnlyList<string>? PathInTree(long batchId, int leafCount, string recordHash)
        {
            if (Block(batchId, 0) is not { } top)
            {
                return WholeTree(batchId, nodes => MerklePaths.Of(recordHash, null, nodes));
            }
            var path = MerkleTreeBlocks.Proof(
                    leafCount, block => block == 0 ? top : Block(batchId, block), Hex.DecodeFixed(recordHash, 32))
                ?? throw new InvalidOperationException("A record's batch tree does not hold the record: the store is damaged.");
            return [.. path.Select(h => Hex.Encode(h))];
        }

        private byte[]? Block(long batchId, int block)
        {
            _block ??= Prepare(BlockSql);
            try
            {
                Check(_connection, raw.sqlite3_bind_int64(_block, 1, batchId));
                Check(_connection, raw.sqlite3_bind_int(_block, 2, block));
                return StepsToRow(_block) ? raw.sqlite3_column_blob(_block, 0).ToArray() : null;
            }
            finally
            {
                raw.sqlite3_reset(_block);
            }
        }

        private T? WholeTree<T>(long batchId, TreeReader<T> read)
            where T : class
        {
            _tree ??= Prepare(TreeSql);
            try
            {
                Check(_connection, raw.sqlite3_bind_int64(_tree, 1, batchId));
                return StepsToRow(_tree) ? read(raw.sqlite3_column_blob(_tree, 0)) : null;
            }
            finally
            {
                raw.sqlite3_reset(_tree);
            }
        }

        // The tree statements are prepared on first use: verify's slots never need them.
        private sqlite3_stmt Prepare(string sql)
        {
            Check(_connection, raw.sqlite3_prepare_v2(_connection.Handle, sql, out var statement));
            return statement;
        }

        // Steps a bound statement once: true on a row, false when there is none; any other answer is thrown.
        private bool StepsToRow(sqlite3_stmt statement)
        {
            var step = raw.sqlite3_step(statement);
            if (step != raw.SQLITE_ROW && step != raw.SQLITE_DONE)
            {
                Check(_connection, step);
            }
            return step == raw.SQLITE_ROW;
        }

        private static void Check(SqliteConnection connection, int code)
        {
            if (code != raw.SQLITE_OK)
            {
                throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), code);
            }
        }

        public void Dispose()
        {
            _tree?.Dispose();
            _block?.Dispose();
            _blocks?.Dispose();
            _statement.Dispose();
            _connection.Dispose();
        }
    }
}
