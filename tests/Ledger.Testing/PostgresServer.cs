using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Xunit;

namespace Ledger.Testing;

/// <summary>
/// A real PostgreSQL server for tests, from Debian's <c>postgresql</c> package (scripts/bootstrap installs it): a
/// cluster made by <c>initdb</c> in a temporary folder (as user <c>postgres</c> when the tests run as root, since
/// initdb refuses root), listening on 127.0.0.1 at a free port with its socket in that folder, trust authentication
/// for loopback, and stopped and deleted after. Use it as a class fixture (<c>IClassFixture&lt;PostgresServer&gt;</c>:
/// one server per test class, <see cref="CreateDatabaseAsync"/> a fresh database per test) or, for the suites that
/// run on both providers, through <see cref="Shared"/> and <see cref="TestStorage"/>. Test-only settings: fsync off
/// (the tests crash service processes, never the database's machine) and C collation (byte order, as SQLite compares).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime, IAsyncDisposable
{
    private const string FolderPrefix = "ledger-pg-";
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartSharedAsync);
    private string? _folder;
    private bool _stopped;

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The cluster's data folder.</summary>
    public string DataFolder => Path.Combine(Folder, "data");

    /// <summary>The folder holding the cluster, its Unix socket and its log; deleted on dispose.</summary>
    public string Folder => _folder ?? throw new InvalidOperationException("The PostgreSQL server has not been started.");

    /// <summary>The folder with Debian's PostgreSQL binaries (initdb, pg_ctl, pg_dump, psql), or null when none is installed.</summary>
    public static string? BinFolder { get; } = FindBinFolder();

    /// <summary>One server for the whole test run, started on first use and stopped when the test process exits.</summary>
    public static Task<PostgresServer> Shared => SharedServer.Value;

    /// <summary>Starts a server outside xunit's fixture lifecycle; dispose it with <c>await using</c>.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer();
        await server.InitializeAsync();
        return server;
    }

    /// <summary>A connection string for <paramref name="database"/> as the superuser <c>postgres</c>.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = "postgres",
        // Idle connections go soon: every test database has its own pool, and the server's slots are finite.
        ConnectionIdleLifetime = 5,
        ConnectionPruningInterval = 1,
    }.ConnectionString;

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        exists.Parameters.AddWithValue("n", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", connection);
            try
            {
                await create.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Created meanwhile by another caller for the same name: the same empty database.
            }
        }
        return ConnectionString(name);
    }

    /// <summary>
    /// The database for a service's data folder: the same folder gives the same database, so a test that restarts a
    /// service on its folder finds its records again, and a fresh folder gives a fresh database.
    /// </summary>
    public Task<string> DatabaseForAsync(string dataDirectory)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory)));
        return CreateDatabaseAsync("d_" + Convert.ToHexStringLower(digest)[..24]);
    }

    /// <summary>Runs one of the server's client programs (pg_dump, pg_restore, psql) against it; returns its standard output.</summary>
    public async Task<string> RunClientAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(RequireBinFolder(), program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        var (code, output, error) = await RunAsync(start);
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} exited with {code}: {error}");
        }
        return output;
    }

    public async Task InitializeAsync()
    {
        var bin = RequireBinFolder();
        StopAbandonedServers(bin);
        _folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(_folder, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (AsRoot)
        {
            await RunCheckedAsync(new ProcessStartInfo("chown", ["-R", "postgres:postgres", _folder]));
        }
        await RunCheckedAsync(AsPostgres(Path.Combine(bin, "initdb"),
            "-D", DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"));
        // A free port can be taken between our probe and the server's bind: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var options = string.Join(' ',
                "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", _folder, "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "max_connections=400", "-c", "shared_buffers=32MB");
            var (code, _, error) = await RunAsync(AsPostgres(Path.Combine(bin, "pg_ctl"),
                "-D", DataFolder, "-o", options, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start"));
            if (code == 0)
            {
                return;
            }
            if (attempt == 5)
            {
                var log = File.Exists(Path.Combine(_folder, "server.log")) ? await File.ReadAllTextAsync(Path.Combine(_folder, "server.log")) : "";
                throw new InvalidOperationException($"PostgreSQL did not start: {error}\n{log}");
            }
        }
    }

    /// <summary>Stops the server at once (it is throwaway) and deletes its folder.</summary>
    public async Task DisposeAsync()
    {
        if (_folder is null || _stopped)
        {
            return;
        }
        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        await RunAsync(AsPostgres(Path.Combine(RequireBinFolder(), "pg_ctl"), "-D", DataFolder, "-m", "immediate", "-w", "stop"));
        try
        {
            // The cluster first and owner.pid last: a deletion cut short (the process exiting) leaves a folder the
            // next run recognises as abandoned and removes.
            Directory.Delete(DataFolder, recursive: true);
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still being written by the stopping server; the next run's clean-up removes the folder.
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().GetAwaiter().GetResult();
        return server;
    }

    private static bool AsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private static ProcessStartInfo AsPostgres(string program, params string[] arguments)
    {
        var start = AsRoot ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments]) : new ProcessStartInfo(program, arguments);
        return start;
    }

    // A test process killed outright (a cancelled run) cannot stop its servers; the next one stops those left behind,
    // recognised by our folder prefix and an owner process that no longer exists.
    private static void StopAbandonedServers(string bin)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            try
            {
                var ownerFile = Path.Combine(folder, "owner.pid");
                if (!File.Exists(ownerFile) || IsAlive(int.Parse(File.ReadAllText(ownerFile), CultureInfo.InvariantCulture)))
                {
                    continue;
                }
                if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
                {
                    RunAsync(AsPostgres(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop")).GetAwaiter().GetResult();
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Another run's folder in use or half-deleted: leave it.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RequireBinFolder() => BinFolder ?? throw new InvalidOperationException(
        "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/bootstrap, which installs Debian's postgresql.");

    private static string? FindBinFolder()
    {
        if (Environment.GetEnvironmentVariable("LEDGER_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }
        const string Root = "/usr/lib/postgresql";
        return !Directory.Exists(Root) ? null : Directory.EnumerateDirectories(Root)
            .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Folder, "initdb")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Folder)
            .FirstOrDefault();
    }

    private static async Task RunCheckedAsync(ProcessStartInfo start)
    {
        var (code, _, error) = await RunAsync(start);
        if (code != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {code}: {error}");
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
