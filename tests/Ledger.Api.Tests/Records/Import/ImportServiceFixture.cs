using Ledger.Api.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace Ledger.Api.Tests.Records.Import;

/// <summary>
/// One real service process on embedded defaults for the import tests (each test imports its own file, with its own
/// idempotency keys, so they do not see each other's records), plus a folder for their files.
/// </summary>
public sealed class ImportServiceFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ledger-import-service-").FullName;

    public ServiceProcess Service { get; private set; } = null!;
    public string Files { get; } = Directory.CreateTempSubdirectory("ledger-import-files-").FullName;

    public async Task InitializeAsync() => Service = await ServiceProcess.StartAsync(_dataDirectory, TimeSpan.FromSeconds(120));

    /// <summary>How many stored records carry one of these hashes (read from the service's database, as an operator would).</summary>
    public int StoredWithHashes(IReadOnlyCollection<string> hashes)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "ledger.db")};Mode=ReadOnly");
        connection.Open();
        var wanted = hashes.ToHashSet(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT record_hash FROM records";
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            count += wanted.Contains(reader.GetString(0)) ? 1 : 0;
        }
        return count;
    }

    /// <summary>How many stored records hold a food-safety inspection of this lot (in the L1 envelope, which is plain).</summary>
    public int StoredInspectionsOfLotPrefix(string lotPrefix)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "ledger.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM records WHERE type = 'inspection' AND envelope_json LIKE $pattern";
        command.Parameters.AddWithValue("$pattern", $"%\"lot\":\"{lotPrefix}%");
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        await Service.TerminateAsync(TimeSpan.FromSeconds(60));
        await Service.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
        Directory.Delete(Files, recursive: true);
    }
}
