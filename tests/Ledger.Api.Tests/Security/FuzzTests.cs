using System.Diagnostics;
using Ledger.Api.Access;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Ledger.Api.Tests.Security;

/// <summary>A service with public limits high enough that thousands of requests from one address are not throttled.</summary>
public sealed class FuzzedLedger : IAsyncLifetime
{
    public LedgerApiFactory Factory { get; } = new(settings: new Dictionary<string, string?> { ["RateLimits:PublicPermitLimit"] = "1000000" });

    public Task InitializeAsync() => Factory.ChainAsync();

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }
}

public sealed class FuzzTests(FuzzedLedger ledger, ITestOutputHelper output) : IClassFixture<FuzzedLedger>
{
    private const int RequestsPerSeed = 2500;

    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Theory]
    [InlineData(20261122)]
    [InlineData(4242)]
    public async Task ThousandsOfHostileRequestsGetOnlyClientErrorsAndStoreNothing(int seed)
    {
        var keys = Roles.All.ToDictionary(r => r, _factory.KeyFor);
        var before = await CountsAsync();
        var requests = new HostileRequests(new Random(seed), keys);
        var client = _factory.CreateClient();
        var failures = new List<string>();
        var answers = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < RequestsPerSeed; i++)
        {
            var request = requests.Next();
            using var response = await client.SendAsync(request.Message);
            var status = (int)response.StatusCode;
            answers[status] = answers.GetValueOrDefault(status) + 1;
            if (status is < 400 or >= 500)
            {
                failures.Add($"#{i} {request.Description} → {status}: {Clip(await response.Content.ReadAsStringAsync())}");
            }
        }

        output.WriteLine($"seed {seed}: {string.Join(", ", answers.Select(a => $"{a.Value}× {a.Key}"))} in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} of {RequestsPerSeed} hostile requests were not refused with a 4xx:\n{string.Join("\n", failures.Take(20))}");
        Assert.Equal(before, await CountsAsync());
    }

    // Rows that a hostile request could have added, and the tables an injection would have damaged.
    private Task<(int Records, int Idempotent, int Keys, int Organisations)> CountsAsync() => _factory.QueryAsync(async db => (
        await db.Records.CountAsync(),
        await db.IdempotentSubmissions.CountAsync(),
        await db.ApiKeys.CountAsync(),
        await db.Organisations.CountAsync()));

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
