using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Tests.Hosting;
using Ledger.Api.Tests.Storage;
using Ledger.Chain;
using Xunit.Abstractions;

namespace Ledger.Api.Tests.Reliability;

/// <summary>
/// Accepted means durable, anchored exactly once: the real service, under concurrent load, is killed with SIGKILL at
/// random moments (during ingest, sealing, sending, waiting for receipts) and restarted, several times; afterwards
/// every acknowledged record is stored, in exactly one batch, and every batch is confirmed on a chain that shows it once.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Crashes = 4;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly string[] FastAnchoring =
    [
        "--Anchoring:BatchInterval", "00:00:00.150",
        "--Anchoring:PollInterval", "00:00:00.100",
        "--Anchoring:LeaseDuration", "00:00:01",
        "--Anchoring:MaxBatchSize", "40",
    ];

    [Fact]
    public async Task NoAcknowledgedRecordIsLostOrAnchoredTwiceWhenTheServiceIsKilledRepeatedly()
    {
        var random = new Random(20261122);
        var dataDirectory = Directory.CreateTempSubdirectory("ledger-crash-").FullName;
        var acknowledged = new ConcurrentDictionary<string, string>(); // record hash → id
        try
        {
            for (var run = 0; run <= Crashes; run++)
            {
                await using var service = await ServiceProcess.StartAsync(dataDirectory, StartTimeout, FastAnchoring);
                using var stop = new CancellationTokenSource();
                var before = acknowledged.Count;
                var load = AcknowledgedLoad.DriveAsync(service, service.BannerValue(Roles.Inspector), acknowledged, writers: 4, stop.Token);
                // Crash at a random moment, but only once this run has done real work, however slow the machine.
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 2500)));
                await WaitForAsync(() => acknowledged.Count >= before + 10, TimeSpan.FromSeconds(60));
                if (run < Crashes)
                {
                    await service.CrashAsync();
                    await stop.CancelAsync();
                    await load;
                    continue;
                }
                await stop.CancelAsync();
                await load;
                await WaitUntilAllConfirmedAsync(service, acknowledged.Count);
                await AssertDurableAndAnchoredOnceAsync(service, dataDirectory, acknowledged);
                Assert.Contains("Stopped the embedded chain left running by a previous run", service.Output);
                await service.TerminateAsync(TimeSpan.FromSeconds(30));
            }
            output.WriteLine($"{acknowledged.Count} records acknowledged across {Crashes} crashes.");
            Assert.True(acknowledged.Count >= 10 * (Crashes + 1), $"Too little load to prove anything: {acknowledged.Count} records.");
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static async Task WaitUntilAllConfirmedAsync(ServiceProcess service, int expected)
    {
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", service.BannerValue(Roles.Auditor));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        JsonElement status = default;
        while (DateTime.UtcNow < deadline)
        {
            status = await client.GetFromJsonAsync<JsonElement>("/api/v1/status");
            var backlog = status.GetProperty("backlog");
            if (backlog.GetProperty("waitingRecords").GetInt32() == 0 && backlog.GetProperty("openBatches").GetInt32() == 0)
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Backlog did not drain ({expected} acknowledged): {status}\n{service.Output}");
    }

    private static async Task AssertDurableAndAnchoredOnceAsync(ServiceProcess service, string dataDirectory, ConcurrentDictionary<string, string> acknowledged)
    {
        await using var db = TestStores.Open(dataDirectory);
        using var http = new HttpClient();
        var chain = new JsonRpcChainClient(http, new Uri(service.BannerValue("Chain:")));
        await AcknowledgedLoad.AssertDurableAndAnchoredOnceAsync(db, new LedgerAnchorContract(chain, service.BannerValue("Contract:")), acknowledged.Keys, service.Output);
    }
}
