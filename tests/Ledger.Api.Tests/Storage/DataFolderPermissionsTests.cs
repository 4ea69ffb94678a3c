using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Tests.Hosting;
using Ledger.Api.Tests.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.Api.Tests.Storage;

/// <summary>
/// The data folder holds the database, the master key, API keys and the chain state: only the service's user may read
/// any of it, from the moment each file exists, whether the service created the folder or an older version did.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataFolderPermissionsTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;
    private const UnixFileMode OpenFile = OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly string _root = Directory.CreateTempSubdirectory("ledger-modes-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task EveryFileTheServiceCreatesIsOwnerOnlyWhileItRunsAndAfterItStops()
    {
        var data = Path.Combine(_root, "data"); // missing: the service creates it
        await using var service = await ServiceProcess.StartAsync(data, TimeSpan.FromSeconds(90),
            "--Chain:EmbeddedStateInterval", "00:00:01", "--Anchoring:BatchInterval", "00:00:00.150", "--Anchoring:PollInterval", "00:00:00.100");
        await SubmitAndWaitUntilConfirmedAsync(service);
        await WaitUntilAsync(() => File.Exists(Path.Combine(data, "anvil-state.json")), "anvil's first periodic state dump");

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(data));
        Assert.Superset(
            new HashSet<string> { "ledger.db", "ledger.db-wal", "ledger.db-shm", "anvil-state.json", "anvil.pid", "anvil.port", "master.key", "embedded-keys.json" },
            Directory.GetFiles(data).Select(Path.GetFileName).ToHashSet()!);
        AssertEveryFileIsOwnerOnly(data);

        await service.TerminateAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("it wrote its state to", service.Output);
        AssertEveryFileIsOwnerOnly(data);
    }

    [Fact]
    public async Task AFolderAndDatabaseThatOthersCanReadAreNarrowedAtStartAndTheLogSaysSo()
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        File.SetUnixFileMode(data, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var database = Path.Combine(data, "ledger.db");
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE made_by_an_older_version (x)";
            await create.ExecuteNonQueryAsync();
        }
        File.SetUnixFileMode(database, OpenFile);
        var logs = new CapturedLogs();
        var factory = new LedgerApiFactory(data) { ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs) };
        try
        {
            await factory.ChainAsync();

            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(data));
            AssertEveryFileIsOwnerOnly(data);
            var warnings = logs.Lines.Where(l => l.StartsWith("Warning ", StringComparison.Ordinal)).ToList();
            Assert.Contains(warnings, l => l.Contains($"The data folder {data} was open to other users (mode 755); made it owner-only (700).", StringComparison.Ordinal));
            Assert.Contains(warnings, l => l.Contains($"{database} was readable by other users; made it owner-only (600).", StringComparison.Ordinal));
        }
        finally
        {
            await factory.DisposeAsync();
        }
    }

    private static void AssertEveryFileIsOwnerOnly(string folder)
    {
        var open = Directory.GetFiles(folder)
            .Select(f => (File: Path.GetFileName(f), Mode: File.GetUnixFileMode(f)))
            .Where(f => f.Mode != OwnerOnlyFile)
            .Select(f => $"{f.File} {Convert.ToString((int)f.Mode, 8)}")
            .ToList();
        Assert.True(open.Count == 0, "Not owner-only (600): " + string.Join(", ", open));
    }

    private static async Task SubmitAndWaitUntilConfirmedAsync(ServiceProcess service)
    {
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", service.BannerValue(Roles.Inspector));
        var response = await client.PostAsJsonAsync("/api/v1/records", Samples.Inspection());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var hash = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordHash").GetString();
        await WaitUntilAsync(async () =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/proofs/{hash}")).GetProperty("status").GetString() == "confirmed", "the record to be confirmed");
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
