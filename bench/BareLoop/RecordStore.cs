using Microsoft.Data.Sqlite;

namespace Ledger.Bench.BareLoop;

/// <summary>One SQLite file in WAL mode with synchronous=FULL: a connection for the writer, pooled ones for look-ups.</summary>
internal sealed class RecordStore
{
    private readonly string _connectionString;
    private readonly ThreadLocal<Reader> _readers;

    public RecordStore(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var setup = Open();
        Execute(setup, "PRAGMA journal_mode=WAL");
        Execute(setup, "CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, hash TEXT NOT NULL, body BLOB NOT NULL, created_at_ms INTEGER NOT NULL)");
        Execute(setup, "CREATE INDEX IF NOT EXISTS records_hash ON records (hash)");
        _readers = new ThreadLocal<Reader>(() => new Reader(Open()));
    }

    /// <summary>A connection with the durability the service uses: every commit is flushed to disk.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=FULL");
        Execute(connection, "PRAGMA busy_timeout=5000");
        return connection;
    }

    /// <summary>The record with this hash, or null; a prepared statement on a connection per thread.</summary>
    public Found? FindByHash(string hash)
    {
        var reader = _readers.Value!;
        reader.Hash.Value = hash;
        using var rows = reader.Select.ExecuteReader();
        return rows.Read() ? new Found(rows.GetString(0), hash, rows.GetInt64(1)) : null;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class Reader
    {
        public Reader(SqliteConnection connection)
        {
            Select = connection.CreateCommand();
            Select.CommandText = "SELECT id, created_at_ms FROM records WHERE hash = $hash LIMIT 1";
            Hash = Select.Parameters.Add("$hash", SqliteType.Text);
            Select.Prepare();
        }

        public SqliteCommand Select { get; }

        public SqliteParameter Hash { get; }
    }
}
