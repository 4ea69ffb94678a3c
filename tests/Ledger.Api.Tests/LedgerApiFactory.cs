using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Chain;
using Ledger.Data;
using Ledger.Data.Protection;
using Ledger.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests;

/// <summary>
/// The real service on its embedded defaults — a SQLite file in a fresh data folder and a real anvil node started by
/// the service — with the batch interval shortened so tests see anchoring within a second or two.
/// </summary>
public sealed class LedgerApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public LedgerApiFactory(string? dataDirectory = null, IDictionary<string, string?>? settings = null)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "ledger-test-" + Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Anchoring:BatchInterval"] = "00:00:00.200",
            ["Anchoring:PollInterval"] = "00:00:00.100",
            // Every test request comes from one address; polling /proofs must not hit the public rate limit.
            ["RateLimits:PublicPermitLimit"] = "1000000",
            // No pause on stop: a test host is stopped hundreds of times (ShutdownGateTests keep one).
            ["Hosting:ShutdownDrain"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        // The store of this test run (LEDGER_TEST_STORAGE): SQLite in the data folder, or a PostgreSQL database of its own.
        if (!_settings.ContainsKey("Storage:Provider"))
        {
            foreach (var (key, value) in TestStorage.SettingsFor(DataDirectory))
            {
                _settings[key] = value;
            }
        }
        // External-chain mode needs a configured master key (embedded mode makes its own); pass the setting to override.
        if (_settings.ContainsKey("Chain:RpcUrl") && !_settings.ContainsKey("Protection:MasterKeyFile") && !_settings.ContainsKey(MasterKeyFiles.EnvironmentVariable))
        {
            var keyFile = Path.Combine(Directory.CreateDirectory(DataDirectory).FullName, "test-master.key");
            if (!File.Exists(keyFile))
            {
                MasterKeyFiles.CreateNew(keyFile).Dispose();
            }
            _settings["Protection:MasterKeyFile"] = keyFile;
        }
    }

    /// <summary>The data folder this instance uses; reuse it in a second factory to test restarts.</summary>
    public string DataDirectory { get; }

    /// <summary>Replaces services before the host starts, e.g. a clock the test moves forward.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (ConfigureServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>The embedded API key of a role, as the start-up banner prints it.</summary>
    public string KeyFor(string role)
    {
        _ = Services; // make sure the host has started and written the keys (Server is refused under Kestrel)
        var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(DataDirectory, "embedded-keys.json")))!;
        return keys[role];
    }

    /// <summary>A client that sends the given role's key.</summary>
    public HttpClient ClientFor(string role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", KeyFor(role));
        return client;
    }

    /// <summary>Issues a new API key straight into the store (external-chain mode prints none).</summary>
    public async Task<string> CreateKeyAsync(string role, string organisation) => (await CreateKeyWithIdAsync(role, organisation)).Key;

    /// <summary>Issues a key as <see cref="CreateKeyAsync"/> does, with its public id (what a household's voterKey names).</summary>
    public async Task<(string Id, string Key)> CreateKeyWithIdAsync(string role, string organisation)
    {
        var (entity, key) = Ledger.Api.Access.ApiKeyIssuer.Create(role, organisation, $"test {role}", TimeProvider.System);
        await QueryAsync(async db =>
        {
            db.ApiKeys.Add(entity);
            return await db.SaveChangesAsync();
        });
        return (entity.Id, key);
    }

    /// <summary>The connected chain, once start-up reached it.</summary>
    public async Task<ConnectedChain> ChainAsync() =>
        await Services.GetRequiredService<ChainRuntime>().WhenReadyAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

    /// <summary>Runs a query against the service's own database.</summary>
    public async Task<T> QueryAsync<T>(Func<LedgerDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }

    /// <summary>Polls the public proof endpoint until the record reaches one of the statuses, or fails at the deadline.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string recordHash, params string[] statuses)
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await client.GetFromJsonAsync<JsonElement>($"/api/v1/proofs/{recordHash}");
            if (statuses.Contains(last.GetProperty("status").GetString()))
            {
                return last;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Record {recordHash} still '{last.GetProperty("status")}' after 30 s.");
    }

    /// <summary>
    /// Polls until the record is confirmed on <paramref name="contract"/>: after a move to another contract its old
    /// proof reads confirmed until the new instance's first anchoring cycle moves its batch.
    /// </summary>
    public async Task<JsonElement> WaitForConfirmationOnAsync(string recordHash, string contract)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var bundle = await WaitForStatusAsync(recordHash, "confirmed");
            if (bundle.GetProperty("anchor").GetProperty("contract").GetString() == contract)
            {
                return bundle;
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Record {recordHash} was not anchored on {contract} within 30 s.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Starts a service with <paramref name="settings"/> that must refuse to start; returns the failure, stack and all.</summary>
    public static async Task<string> StartupErrorAsync(Dictionary<string, string?> settings)
    {
        var factory = new LedgerApiFactory(settings: settings);
        try
        {
            var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            return failure.ToString();
        }
        finally
        {
            try
            {
                await factory.DisposeAsync();
            }
            catch (Exception)
            {
                // A host that failed to start may also fail to stop; the failure above is what matters.
            }
            factory.DeleteData();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Deletes the data folder (call after disposing, when no restart test needs it).</summary>
    public void DeleteData()
    {
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}

/// <summary>One running service per test class; each test submits its own records.</summary>
public sealed class SharedLedger : IAsyncLifetime
{
    public LedgerApiFactory Factory { get; } = new();

    public async Task InitializeAsync() => await Factory.ChainAsync();

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }
}
