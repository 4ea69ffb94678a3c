using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Tests.Hosting;
using Ledger.Api.Tests.Storage;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Ledger.Core.Merkle;
using Ledger.Data.Anchoring;
using Microsoft.EntityFrameworkCore;
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
                var load = DriveLoadAsync(service, acknowledged, stop.Token);
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

    // Four writers post until cancelled; only a 202 counts as acknowledged. Failures while the service dies are expected.
    private static async Task DriveLoadAsync(ServiceProcess service, ConcurrentDictionary<string, string> acknowledged, CancellationToken ct)
    {
        var key = service.BannerValue(Roles.Inspector);
        var writers = Enumerable.Range(0, 4).Select(async writer =>
        {
            using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            for (var i = 0; !ct.IsCancellationRequested; i++)
            {
                try
                {
                    var response = await client.PostAsJsonAsync("/api/v1/records", Samples.Inspection($"L-{writer}-{i}-{Guid.NewGuid():N}"), ct);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
                        acknowledged[body.GetProperty("recordHash").GetString()!] = body.GetProperty("id").GetString()!;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException)
                {
                    if (service.HasExited)
                    {
                        return;
                    }
                }
            }
        });
        await Task.WhenAll(writers);
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
        var records = await db.Records.AsNoTracking().Select(r => new { r.RecordHash, r.BatchId, r.MerkleProofJson }).ToListAsync();
        var batches = await db.Batches.AsNoTracking().ToListAsync();
        var byHash = records.ToDictionary(r => r.RecordHash);

        var lost = acknowledged.Keys.Where(h => !byHash.ContainsKey(h)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged records are missing, e.g. {lost.FirstOrDefault()}");
        Assert.All(records, r => Assert.NotNull(r.BatchId));
        var unconfirmed = batches.Where(b => b.State != BatchState.Confirmed).Select(b => $"#{b.Id} {b.State} ({b.LastError})").ToList();
        Assert.True(unconfirmed.Count == 0, $"Not confirmed after the backlog drained: {string.Join("; ", unconfirmed)}\n{service.Output}");
        foreach (var batch in batches)
        {
            var members = records.Where(r => r.BatchId == batch.Id).ToList();
            Assert.Equal(batch.LeafCount, members.Count);
            var root = Hex.DecodeFixed(batch.Root, 32);
            Assert.All(members, m => Assert.True(MerkleTree.Verify(root, Hex.DecodeFixed(m.RecordHash, 32),
                [.. JsonSerializer.Deserialize<List<string>>(m.MerkleProofJson!)!.Select(p => Hex.DecodeFixed(p, 32))])));
        }

        using var http = new HttpClient();
        var chain = new JsonRpcChainClient(http, new Uri(service.BannerValue("Chain:")));
        var contract = new LedgerAnchorContract(chain, service.BannerValue("Contract:"));
        Assert.Equal(batches.Count, (int)await contract.BatchCountAsync());
        foreach (var batch in batches)
        {
            Assert.Equal(batch.AnchoredAt, await contract.AnchoredAtAsync(Hex.DecodeFixed(batch.Root, 32)));
        }
    }
}
