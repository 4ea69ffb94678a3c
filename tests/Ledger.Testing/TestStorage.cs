namespace Ledger.Testing;

/// <summary>
/// Which store the service under test uses. The suites that run on both providers are run twice: once as they are
/// (SQLite, the default) and once with <c>LEDGER_TEST_STORAGE=PostgreSql</c> (scripts/test does both), when every
/// service a test starts gets a database of its own on the run's shared PostgreSQL server: the same data folder, the
/// same database (restarts find their records), a fresh folder, a fresh database.
/// </summary>
public static class TestStorage
{
    /// <summary>The environment variable that selects the provider for a test run.</summary>
    public const string Variable = "LEDGER_TEST_STORAGE";

    /// <summary>True when this test run puts the services on PostgreSQL.</summary>
    public static bool IsPostgreSql { get; } =
        string.Equals(Environment.GetEnvironmentVariable(Variable), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The <c>Storage:*</c> settings for a service on <paramref name="dataDirectory"/>: none on SQLite (the service's
    /// default file in its data folder), the provider and a connection string on PostgreSQL.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> SettingsFor(string dataDirectory)
    {
        if (!IsPostgreSql)
        {
            return new Dictionary<string, string?>();
        }
        var server = PostgresServer.Shared.GetAwaiter().GetResult();
        return new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = server.DatabaseForAsync(dataDirectory).GetAwaiter().GetResult(),
        };
    }
}
