using System.Data.Common;
using Ledger.Data.Locking;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Data.Schema;

/// <summary>
/// Applies the numbered SQL scripts embedded under <c>Schema/{Provider}/</c> in order, each in its own transaction,
/// and remembers them in <c>schema_migrations</c>. Hand-written SQL: it predates EF's design-time tools being
/// obtainable here, and reviewed DDL is what a DBA wants to read anyway (generated migrations per provider are a
/// choice for the PostgreSQL work). Each provider has its own folder and the same numbers (a test holds them in step);
/// on PostgreSQL a session advisory lock lets one starting instance at a time apply them.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>Brings the database to the latest schema; safe to call on every start and from several instances.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(LedgerDbContext db, CancellationToken ct = default)
    {
        var provider = ProviderFolder(db);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        var postgres = db.Database.IsPostgreSql();
        try
        {
            if (postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({WriteLock.SchemaKey})", ct);
            }
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT NOT NULL PRIMARY KEY, applied_at_ms BIGINT NOT NULL)", ct);
            var applied = new List<string>();
            foreach (var (version, sql) in Scripts(provider))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                if (await IsAppliedAsync(connection, tx, version, ct))
                {
                    continue;
                }
                await ExecuteAsync(connection, tx, sql, ct);
                await ExecuteAsync(connection, tx,
                    $"INSERT INTO schema_migrations (version, applied_at_ms) VALUES ('{version}', {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()})", ct);
                await tx.CommitAsync(ct);
                applied.Add(version);
            }
            return applied;
        }
        finally
        {
            if (postgres && connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({WriteLock.SchemaKey})", CancellationToken.None);
            }
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static string ProviderFolder(LedgerDbContext db) => db.Database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => "Sqlite",
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "PostgreSql",
        var other => throw new NotSupportedException($"No schema scripts for the database provider '{other}'."),
    };

    private static IEnumerable<(string Version, string Sql)> Scripts(string provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Schema.{provider}.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (Path.GetFileNameWithoutExtension(name[prefix.Length..]), reader.ReadToEnd());
        }
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction tx, string version, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = @v";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@v";
        parameter.Value = version;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The embedded script names, for tests that check every script is picked up.</summary>
    internal static IReadOnlyList<string> ScriptNames(string provider) => [.. Scripts(provider).Select(s => s.Version)];

    /// <summary>One embedded script's text, for tests that read the DDL.</summary>
    internal static string ScriptText(string provider, string name) => Scripts(provider).Single(s => s.Version == name).Sql;

}
