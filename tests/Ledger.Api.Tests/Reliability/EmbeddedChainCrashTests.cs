using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Tests.Hosting;
using Ledger.Chain;
using Ledger.Cli;
using Ledger.Core.Encoding;
using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Reliability;

/// <summary>
/// The real service on its embedded defaults, with its anvil killed by SIGKILL under it while records keep coming:
/// the chain comes back by itself at the same URL, and every accepted record, from before and after the kill, ends up
/// confirmed and verifies against the chain with <c>ledger verify</c>.
/// </summary>
public sealed class EmbeddedChainCrashTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly string[] FastAnchoring =
    [
        "--Anchoring:BatchInterval", "00:00:00.150",
        "--Anchoring:PollInterval", "00:00:00.100",
        "--RateLimits:PublicPermitLimit", "1000000",
    ];

    private readonly string _data = Directory.CreateTempSubdirectory("ledger-chain-crash-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task AKilledChainComesBackAtItsUrlAndEveryAcceptedRecordIsConfirmedAndVerifies()
    {
        await using var service = await ServiceProcess.StartAsync(_data, StartTimeout, FastAnchoring);
        var rpc = new Uri(service.BannerValue("Chain:"));
        using var inspector = Client(service, service.BannerValue(Roles.Inspector));
        var before = await SubmitAsync(inspector, "before", 5);
        await WaitUntilConfirmedAsync(service, before);
        var killed = AnvilPid;

        Kill(killed);
        var during = await SubmitAsync(inspector, "during", 5);
        await WaitUntilReadyAsync(service, () => RunningAnvilPid() is { } pid && pid != killed);

        using var http = new HttpClient();
        Assert.Equal(31337UL, await new JsonRpcChainClient(http, rpc).GetChainIdAsync());
        await WaitUntilEachIsConfirmedAndVerifiesAsync(service, rpc, [.. before, .. during]);
        Assert.Contains($"process {killed}, port {rpc.Port}) exited unexpectedly: killed by signal 9 (SIGKILL)", service.Output);

        await service.TerminateAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("Embedded chain stopped on SIGTERM; it wrote its state to", service.Output);
    }

    [Fact]
    public async Task AChainRestartedWithoutItsStateGetsTheContractAgainAndEveryBatchAnchoredAgain()
    {
        // No periodic dump before the kill: the restarted anvil has nothing to load and starts an empty chain.
        await using var service = await ServiceProcess.StartAsync(_data, StartTimeout, [.. FastAnchoring, "--Chain:EmbeddedStateInterval", "01:00:00"]);
        var rpc = new Uri(service.BannerValue("Chain:"));
        using var inspector = Client(service, service.BannerValue(Roles.Inspector));
        var before = await SubmitAsync(inspector, "before", 5);
        await WaitUntilConfirmedAsync(service, before);
        Assert.False(File.Exists(Path.Combine(_data, "anvil-state.json")));
        var killed = AnvilPid;

        Kill(killed);
        var during = await SubmitAsync(inspector, "during", 3);
        await WaitUntilReadyAsync(service, () => RunningAnvilPid() is { } pid && pid != killed);
        await WaitUntilEachIsConfirmedAndVerifiesAsync(service, rpc, [.. before, .. during]);

        Assert.Contains("no longer has LedgerAnchor", service.Output);
        Assert.Contains("anchoring it again", service.Output);
        await AssertEveryBatchAnchoredOnceAsync(rpc, service.BannerValue("Contract:"));
    }

    private int AnvilPid => RunningAnvilPid() ?? throw new InvalidOperationException("No anvil.pid in the data folder.");

    // Null while the supervisor is between nodes (the file is deleted after a stop and written after a start).
    private int? RunningAnvilPid()
    {
        try
        {
            return int.TryParse(File.ReadAllText(Path.Combine(_data, "anvil.pid")), CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static void Kill(int pid)
    {
        using var anvil = Process.GetProcessById(pid);
        anvil.Kill();
        anvil.WaitForExit();
    }

    private static HttpClient Client(ServiceProcess service, string apiKey)
    {
        var client = new HttpClient { BaseAddress = service.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    private static async Task<List<string>> SubmitAsync(HttpClient inspector, string lot, int count)
    {
        var hashes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var response = await inspector.PostAsJsonAsync("/api/v1/records", Samples.Inspection($"L-{lot}-{i}"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            hashes.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordHash").GetString()!);
        }
        return hashes;
    }

    private static async Task WaitUntilReadyAsync(ServiceProcess service, Func<bool> restarted)
    {
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var ready = await client.GetAsync("/health/ready");
            if (restarted() && ready.StatusCode == HttpStatusCode.OK
                && (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() == "Healthy")
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The chain did not come back:\n{service.Output}");
            await Task.Delay(100);
        }
    }

    private static async Task WaitUntilConfirmedAsync(ServiceProcess service, IReadOnlyCollection<string> hashes)
    {
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        var deadline = DateTime.UtcNow + Deadline;
        foreach (var hash in hashes)
        {
            while (await StatusAsync(client, hash) != "confirmed")
            {
                Assert.True(DateTime.UtcNow < deadline, $"Record {hash} was not confirmed in time:\n{service.Output}");
                await Task.Delay(100);
            }
        }
    }

    // Polled as a whole: a record confirmed before the kill goes back to pending if the restored chain lost its block,
    // and the worker may notice that only on its next cycle.
    private async Task WaitUntilEachIsConfirmedAndVerifiesAsync(ServiceProcess service, Uri rpc, IReadOnlyCollection<string> hashes)
    {
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var failures = new List<string>();
            foreach (var hash in hashes)
            {
                var status = await StatusAsync(client, hash);
                var verified = status == "confirmed" ? await VerifyAsync(client, rpc, hash) : $"status {status}";
                if (!verified.StartsWith("valid, anchored at ", StringComparison.Ordinal))
                {
                    failures.Add($"{hash}: {verified}");
                }
            }
            if (failures.Count == 0)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Not every record is confirmed and verifies:\n{string.Join("\n", failures)}\n{service.Output}");
            await Task.Delay(200);
        }
    }

    private static async Task<string?> StatusAsync(HttpClient client, string hash) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/proofs/{hash}")).GetProperty("status").GetString();

    // What `ledger verify proof.json --rpc <url>` prints.
    private async Task<string> VerifyAsync(HttpClient client, Uri rpc, string hash)
    {
        var file = Path.Combine(_data, $"proof-{hash}.json");
        await File.WriteAllTextAsync(file, await client.GetStringAsync($"/api/v1/proofs/{hash}"));
        var (output, error) = (new StringWriter(), new StringWriter());
        await CliApp.RunAsync(["verify", file, "--rpc", rpc.ToString()], output, error);
        return (output.ToString() + error).Trim();
    }

    // The chain shows each batch once: batchCount() equals the batches, and each root's anchoredAt is the saved one.
    private async Task AssertEveryBatchAnchoredOnceAsync(Uri rpc, string contractAddress)
    {
        var options = new DbContextOptionsBuilder<LedgerDbContext>().UseSqlite($"Data Source={Path.Combine(_data, "ledger.db")}").Options;
        await using var db = new LedgerDbContext(options);
        var batches = await db.Batches.AsNoTracking().ToListAsync();
        using var http = new HttpClient();
        var contract = new LedgerAnchorContract(new JsonRpcChainClient(http, rpc), contractAddress);
        Assert.Equal(batches.Count, (int)await contract.BatchCountAsync());
        foreach (var batch in batches)
        {
            Assert.Equal(batch.AnchoredAt, await contract.AnchoredAtAsync(Hex.DecodeFixed(batch.Root, 32)));
        }
    }
}
