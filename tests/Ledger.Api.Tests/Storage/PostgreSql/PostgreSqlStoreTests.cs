using System.Data.Common;
using Ledger.Data;
using Ledger.Data.Leasing;
using Ledger.Data.Locking;
using Ledger.Data.Schema;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ledger.Api.Tests.Storage.PostgreSql;

/// <summary>
/// The store on a real PostgreSQL server (one per test class, a fresh database per test) and, where the question is
/// "the same on both", on a real SQLite file: the schema scripts against the EF model, migrations started by several
/// instances at once, the write lock across connections, the lease race.
/// </summary>
public sealed class PostgreSqlStoreTests(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly List<string> _sqliteFiles = [];

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task EveryTableAndColumnOfTheModelIsInTheMigratedSchemaWithItsTypeAndNullabilityAndNothingElse(StorageProvider provider)
    {
        await using var db = await MigratedAsync(provider);
        var schema = await ColumnsAsync(db, provider);
        var expected = new HashSet<(string Table, string Column)>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var identifier = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(identifier)!;
                expected.Add((table, column));
                Assert.True(schema.TryGetValue((table, column), out var found), $"{provider}: {table}.{column} is in the model but not in the schema.");
                Assert.True(found.Nullable == property.IsColumnNullable(identifier), $"{provider}: {table}.{column} nullable {found.Nullable} in the schema, {property.IsColumnNullable(identifier)} in the model.");
                Assert.True(TypeFits(provider, found.Type, property.ClrType), $"{provider}: {table}.{column} is {found.Type} in the schema, {property.ClrType.Name} in the model.");
            }
        }
        // Only the migrator's own table and PostgreSQL's stand-in for SQLite's rowid are not in the model.
        var extra = schema.Keys.Where(c => !expected.Contains(c) && c.Table != "schema_migrations").ToList();
        Assert.Equal(provider == StorageProvider.PostgreSql ? [("records", "commit_order")] : [], extra);
    }

    [Fact]
    public async Task EnvelopesAreTextOnPostgreSqlAndComeBackByteForByte()
    {
        await using var db = await MigratedAsync(StorageProvider.PostgreSql);
        var columns = await ColumnsAsync(db, StorageProvider.PostgreSql);
        Assert.DoesNotContain(columns.Values, c => c.Type is "json" or "jsonb");
        Assert.Equal("text", columns[("records", "envelope_json")].Type);

        // Keys out of order, spaces and an escaped character: jsonb would normalise every one of them.
        const string Envelope = "{\"z\": 1,  \"a\":{\"b\" :\"\\u00e9\"}}";
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO records (id, domain, type, level, issuer, occurred_at, received_at_ms, envelope_json, record_hash, submitted_by, status)
            VALUES ('r1', 'food-safety', 'inspection', 1, 'x', '2026-01-01T00:00:00Z', 0, {Envelope}, '0x01', 'k', 'pending')
            """);
        var stored = await db.Records.AsNoTracking().Where(r => r.Id == "r1").Select(r => r.EnvelopeJson).SingleAsync();
        Assert.Equal(Envelope, stored);
    }

    [Fact]
    public async Task InstancesStartingTogetherApplyEachScriptExactlyOnceAndALaterStartAppliesNothing()
    {
        var connection = await server.CreateDatabaseAsync();
        var contexts = Enumerable.Range(0, 4).Select(_ => Context(StorageProvider.PostgreSql, connection)).ToList();
        try
        {
            var applied = await Task.WhenAll(contexts.Select(c => SchemaMigrator.MigrateAsync(c)));

            var scripts = SchemaMigrator.ScriptNames("PostgreSql");
            Assert.Equal(scripts.Order(), applied.SelectMany(a => a).Order());
            Assert.Empty(await SchemaMigrator.MigrateAsync(contexts[0]));
            Assert.Equal(scripts.Count, await Scalar(contexts[0], "SELECT COUNT(*) FROM schema_migrations"));
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AWriterWaitsForTheWriteLockAndThenSeesWhatTheHolderCommitted()
    {
        var connection = await server.CreateDatabaseAsync();
        await using var first = Context(StorageProvider.PostgreSql, connection);
        await using var second = Context(StorageProvider.PostgreSql, connection);
        await using var observer = Context(StorageProvider.PostgreSql, connection);
        await SchemaMigrator.MigrateAsync(first);

        await using var held = await first.Database.BeginWriteTransactionAsync();
        await first.Database.ExecuteSqlAsync($"INSERT INTO settings (key, value) VALUES ('counter', '1')");
        var waiting = Task.Run(async () =>
        {
            await using var tx = await second.Database.BeginWriteTransactionAsync();
            // A rule's read after the lock: it must see the holder's commit, as the next writer on SQLite does.
            var value = await second.Settings.AsNoTracking().Where(s => s.Key == "counter").Select(s => s.Value).SingleAsync();
            await second.Database.ExecuteSqlAsync($"UPDATE settings SET value = {(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} WHERE key = 'counter'");
            await tx.CommitAsync();
        });
        // The second writer is seen queued on the advisory lock before the first commits.
        while (await Scalar(observer, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 0)
        {
            Assert.False(waiting.IsCompleted, "The second writer finished while the first held the write lock.");
            await Task.Delay(20);
        }
        Assert.False(waiting.IsCompleted);
        await held.CommitAsync();
        await waiting;

        Assert.Equal("2", await observer.Settings.AsNoTracking().Where(s => s.Key == "counter").Select(s => s.Value).SingleAsync());
    }

    [Fact]
    public async Task OfTwentyInstancesRacingForTheLeaseOnSeparateConnectionsExactlyOneWins()
    {
        var connection = await server.CreateDatabaseAsync();
        var contexts = Enumerable.Range(0, 20).Select(_ => Context(StorageProvider.PostgreSql, connection)).ToList();
        try
        {
            await SchemaMigrator.MigrateAsync(contexts[0]);
            // Twice: the first race decides who inserts the row, the second (after expiry) who takes it over.
            foreach (var now in new[] { 0L, 20_000L })
            {
                var won = await Task.WhenAll(contexts.Select((c, i) => LeaseStore.TryAcquireAsync(c, "anchoring", $"instance-{now}-{i}", now, now + 10_000, CancellationToken.None)));
                Assert.Equal(1, won.Count(w => w));
                var holder = await contexts[0].Leases.AsNoTracking().Where(l => l.Name == "anchoring").Select(l => l.Holder).SingleAsync();
                Assert.Equal($"instance-{now}-{Array.IndexOf(won, true)}", holder);
            }
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }
    }

    private async Task<LedgerDbContext> MigratedAsync(StorageProvider provider)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ledger-schema-{Guid.NewGuid():N}.db");
        _sqliteFiles.Add(file);
        var connection = provider == StorageProvider.PostgreSql ? await server.CreateDatabaseAsync() : $"Data Source={file};Pooling=False";
        var db = Context(provider, connection);
        await SchemaMigrator.MigrateAsync(db);
        return db;
    }

    private static LedgerDbContext Context(StorageProvider provider, string connectionString) => TestStores.Open(provider, connectionString);

    public void Dispose()
    {
        foreach (var file in _sqliteFiles)
        {
            File.Delete(file);
        }
    }

    private static async Task<long> Scalar(LedgerDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<Dictionary<(string Table, string Column), (string Type, bool Nullable)>> ColumnsAsync(LedgerDbContext db, StorageProvider provider)
    {
        var columns = new Dictionary<(string, string), (string, bool)>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            if (provider == StorageProvider.PostgreSql)
            {
                await ReadAsync(connection, "SELECT table_name, column_name, data_type, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = 'public'",
                    r => columns[(r.GetString(0), r.GetString(1))] = (r.GetString(2), r.GetBoolean(3)));
            }
            else
            {
                var tables = new List<string>();
                await ReadAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => tables.Add(r.GetString(0)));
                foreach (var table in tables)
                {
                    // pk columns of SQLite tables are nullable unless declared NOT NULL; the scripts declare them all.
                    await ReadAsync(connection, $"SELECT name, type, \"notnull\" FROM pragma_table_info('{table}')",
                        r => columns[(table, r.GetString(0))] = (r.GetString(1).ToUpperInvariant(), r.GetInt64(2) == 0));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return columns;
    }

    private static async Task ReadAsync(DbConnection connection, string sql, Action<DbDataReader> row)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            row(reader);
        }
    }

    private static bool TypeFits(StorageProvider provider, string type, Type clr)
    {
        var t = Nullable.GetUnderlyingType(clr) ?? clr;
        return provider == StorageProvider.PostgreSql
            ? type == (t == typeof(string) ? "text"
                : t == typeof(long) ? "bigint"
                : t == typeof(int) ? "integer"
                : t == typeof(bool) ? "boolean"
                : t == typeof(byte[]) ? "bytea"
                : t == typeof(ulong) ? "numeric"
                : "?")
            : type == (t == typeof(string) ? "TEXT" : t == typeof(byte[]) ? "BLOB" : "INTEGER");
    }
}
