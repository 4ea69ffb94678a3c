using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Records;
using Ledger.Api.Records.Writing;
using Ledger.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Records;

/// <summary>
/// A full disk is not a bug: submissions get 507 with Retry-After and store nothing, /health/ready says why, and
/// once space is back the next record is stored and health recovers. The disk is "full" through SQLite's own
/// max_page_count (<see cref="DiskCap"/>), which fails writes with the same SQLITE_FULL a full disk gives.
/// </summary>
public sealed class DiskFullTests : IAsyncLifetime
{
    private readonly DiskCap _disk = new();
    private readonly LedgerApiFactory _factory;

    public DiskFullTests()
    {
        _factory = new LedgerApiFactory()
        {
            ConfigureServices = services => services.ConfigureDbContext<LedgerDbContext>(o => o.AddInterceptors(_disk)),
        };
    }

    [Fact]
    public async Task OnAFullDiskASubmissionGets507WithRetryAfterStoresNothingAndHealthSaysDiskFullUntilSpaceReturns()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        _disk.Cap();

        // Records that need new pages: the first may still fit in free pages, so send until the disk refuses one.
        HttpResponseMessage refused = null!;
        int storedBefore = 0;
        for (var i = 0; i < 200; i++)
        {
            storedBefore = await _factory.QueryAsync(db => db.Records.CountAsync());
            refused = await inspector.PostAsJsonAsync("/api/v1/records", LargeInspection());
            if (refused.StatusCode != HttpStatusCode.Accepted)
            {
                break;
            }
        }

        var text = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.InsufficientStorage, $"Expected 507, got {(int)refused.StatusCode}: {text}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(507, problem.GetProperty("status").GetInt32());
        Assert.Contains("disk is full", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("   at ", text);
        Assert.Equal(storedBefore, await _factory.QueryAsync(db => db.Records.CountAsync()));
        var full = await StorageHealthAsync();
        Assert.Equal("Degraded", full.GetProperty("status").GetString());
        Assert.StartsWith("Disk full: records cannot be stored", full.GetProperty("description").GetString());

        _disk.Lift();
        var accepted = await inspector.PostAsJsonAsync("/api/v1/records", LargeInspection());

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("Healthy", (await StorageHealthAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task EveryRequestWaitingOnAGroupCommitThatHitAFullDiskGets507()
    {
        var writer = _factory.Services.GetRequiredService<GroupCommit>();
        var statistics = _factory.Services.GetRequiredService<IngestStatistics>();
        _disk.Cap();
        await FillAsync(writer);
        var (splitsBefore, failedBefore) = (statistics.GroupsSplit, statistics.RecordsFailed);
        var group = Enumerable.Range(0, 5).Select(_ => new PendingWrite(LargeRecord())).ToList();

        await writer.WriteAsync(group);

        Assert.All(await Task.WhenAll(group.Select(p => p.Result)), r => Assert.Equal(WriteOutcome.StorageFull, r.Outcome));
        var ids = group.Select(p => p.Record.Sealed!.Id).ToList();
        Assert.Equal(0, await _factory.QueryAsync(db => db.Records.CountAsync(r => ids.Contains(r.Id))));
        // Refused as a group, not retried one by one against the same full disk.
        Assert.Equal(splitsBefore, statistics.GroupsSplit);
        Assert.Equal(5, statistics.RecordsFailed - failedBefore);
    }

    [Fact]
    public async Task ConcurrentSubmissionsOnAFullDiskAllGet507WithRetryAfter()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        _disk.Cap();
        await FillAsync(_factory.Services.GetRequiredService<GroupCommit>());
        var storedBefore = await _factory.QueryAsync(db => db.Records.CountAsync());

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => inspector.PostAsJsonAsync("/api/v1/records", LargeInspection())));

        Assert.All(responses, r =>
        {
            Assert.Equal(HttpStatusCode.InsufficientStorage, r.StatusCode);
            Assert.NotNull(r.Headers.RetryAfter);
        });
        Assert.Equal(storedBefore, await _factory.QueryAsync(db => db.Records.CountAsync()));
    }

    public async Task InitializeAsync() => await _factory.ChainAsync();

    public async Task DisposeAsync()
    {
        _disk.Lift();
        await _factory.DisposeAsync();
        _factory.DeleteData();
    }

    // Uses up the free pages: writes records one at a time until one is refused for want of space.
    private async Task FillAsync(GroupCommit writer)
    {
        for (var i = 0; i < 200; i++)
        {
            var item = new PendingWrite(LargeRecord());
            await writer.WriteAsync([item]);
            if ((await item.Result).Outcome == WriteOutcome.StorageFull)
            {
                return;
            }
        }
        Assert.Fail("200 records fitted under the cap; the disk never filled.");
    }

    private PreparedRecord LargeRecord()
    {
        var sample = LargeInspection();
        return _factory.Services.GetRequiredService<EnvelopeBuilder>().Prepare(
            new SubmitRecordRequest("food-safety", "inspection", sample["occurredAt"]!.GetValue<string>(), sample["payload"]!.AsObject()),
            new Caller("test-key", Roles.Inspector, "demo-market-supervision-bureau"));
    }

    // About 8 kB, more than a 4 kB page: storing one always needs new (overflow) pages, never just the free room in one.
    private static JsonObject LargeInspection()
    {
        var inspection = Samples.Inspection("L-FULL-" + Guid.NewGuid().ToString("N")[..8]);
        inspection["payload"]!["items"] = new JsonArray(Enumerable.Range(0, 60)
            .Select(_ => (JsonNode)new JsonObject { ["name"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(50)), ["result"] = "pass" })
            .ToArray());
        return inspection;
    }

    private async Task<JsonElement> StorageHealthAsync()
    {
        var health = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/health/ready");
        return health.GetProperty("checks").GetProperty("storage");
    }
}
