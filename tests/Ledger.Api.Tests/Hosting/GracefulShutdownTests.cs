using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Hosting;

/// <summary>
/// SIGTERM during load on the real service: every 202 it gave is on disk, every request it turned away meanwhile got a
/// 503 ProblemDetails with Retry-After, it exits cleanly, and the next start anchors everything it had accepted.
/// </summary>
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly string[] Settings =
    [
        "--Hosting:ShutdownDrain", "00:00:03",
        "--Anchoring:BatchInterval", "00:00:00.200",
        "--Anchoring:PollInterval", "00:00:00.100",
    ];

    [Fact]
    public async Task OnSigtermEveryAcceptedRecordIsKeptAndNewRequestsGet503WithRetryAfterUntilExit()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ledger-shutdown-").FullName;
        var accepted = new ConcurrentDictionary<string, string>(); // record hash → id
        var refused = new ConcurrentBag<string>();
        var unexpected = new ConcurrentBag<string>();
        try
        {
            await using (var service = await ServiceProcess.StartAsync(dataDirectory, StartTimeout, Settings))
            {
                using var stop = new CancellationTokenSource();
                var load = DriveLoadAsync(service, accepted, refused, unexpected, stop.Token);
                await WaitForAsync(() => accepted.Count >= 20, TimeSpan.FromSeconds(60));

                await service.TerminateAsync(TimeSpan.FromSeconds(60));
                await stop.CancelAsync();
                await load;

                Assert.Equal(0, service.ExitCode);
                Assert.True(unexpected.IsEmpty, "Answers other than 202 or 503 + Retry-After: " + string.Join("; ", unexpected.Take(5)));
                Assert.NotEmpty(refused);
                Assert.All(refused, r => Assert.Contains("Service stopping", r));
            }

            // Durable: every acknowledged record is in the file the process left.
            var options = new DbContextOptionsBuilder<LedgerDbContext>().UseSqlite($"Data Source={Path.Combine(dataDirectory, "ledger.db")};Pooling=False").Options;
            await using (var db = new LedgerDbContext(options))
            {
                var stored = (await db.Records.AsNoTracking().Select(r => r.RecordHash).ToListAsync()).ToHashSet();
                var lost = accepted.Keys.Where(h => !stored.Contains(h)).ToList();
                Assert.True(lost.Count == 0, $"{lost.Count} of {accepted.Count} acknowledged records are missing, e.g. {lost.FirstOrDefault()}");
            }

            // Resumable: the next start anchors whatever was waiting or in flight.
            await using (var restarted = await ServiceProcess.StartAsync(dataDirectory, StartTimeout, Settings))
            {
                await WaitUntilBacklogDrainedAsync(restarted);
                await restarted.TerminateAsync(TimeSpan.FromSeconds(30));
            }
            await using (var db = new LedgerDbContext(options))
            {
                var unconfirmed = await db.Batches.AsNoTracking().CountAsync(b => b.State != BatchState.Confirmed);
                var unbatched = await db.Records.AsNoTracking().CountAsync(r => r.BatchId == null);
                Assert.Equal((0, 0), (unconfirmed, unbatched));
            }
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    // Four writers post until the process is gone. A 202 is a promise; a 503 must say when to retry; a refused or
    // dropped connection (once the server stopped listening) promises nothing.
    private static async Task DriveLoadAsync(ServiceProcess service, ConcurrentDictionary<string, string> accepted,
        ConcurrentBag<string> refused, ConcurrentBag<string> unexpected, CancellationToken ct)
    {
        var key = service.BannerValue(Roles.Inspector);
        var writers = Enumerable.Range(0, 4).Select(async writer =>
        {
            using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            for (var i = 0; !ct.IsCancellationRequested && !service.HasExited; i++)
            {
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/v1/records", Samples.Inspection($"L-stop-{writer}-{i}"), CancellationToken.None);
                    var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        var receipt = JsonDocument.Parse(body).RootElement;
                        accepted[receipt.GetProperty("recordHash").GetString()!] = receipt.GetProperty("id").GetString()!;
                    }
                    else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter?.Delta > TimeSpan.Zero
                        && response.Content.Headers.ContentType?.MediaType == "application/problem+json")
                    {
                        refused.Add(body);
                    }
                    else
                    {
                        unexpected.Add($"{(int)response.StatusCode} {body}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    await Task.Delay(20, CancellationToken.None);
                }
            }
        });
        await Task.WhenAll(writers);
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The load did not get going in time.");
            await Task.Delay(50);
        }
    }

    private static async Task WaitUntilBacklogDrainedAsync(ServiceProcess service)
    {
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", service.BannerValue(Roles.Auditor));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var backlog = (await client.GetFromJsonAsync<JsonElement>("/api/v1/status")).GetProperty("backlog");
            if (backlog.GetProperty("waitingRecords").GetInt32() == 0 && backlog.GetProperty("openBatches").GetInt32() == 0)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The backlog did not drain after the restart: {backlog}");
            await Task.Delay(200);
        }
    }
}
