using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Testing.Food;

namespace Ledger.Api.Tests.Food;

/// <summary>
/// A generated supply network of 10,000 events (farms, packers with pallets, processors with ingredients, rework cycles
/// and a deep brine chain, distributors, markets), captured through POST /epcis/capture (five documents of 2,000) into a real SQLite file once
/// per class: this covers capture end to end. Capture (schema validation, hashing, sealing, signing and committing every
/// event) costs about 4 ms of CPU per event, so 100,000 would take minutes; <see cref="StoredNetwork"/> stores the
/// 100,000 events of the scale by a shorter road and checks the walk there, and scripts/bench-food captures
/// them and checks every answer (docs/food-safety.md, "Trace on a generated network").
/// </summary>
public sealed class CapturedNetwork : IAsyncLifetime
{
    public const int EventCount = 10_000;

    public LedgerApiFactory Factory { get; } = new();

    public SupplyNetwork Network { get; } = SupplyNetwork.Generate(EventCount, seed: 20261130, tag: "424242");

    /// <summary>Each generated event's record hash, by event index.</summary>
    public Dictionary<int, string> RecordHashes { get; } = [];

    public async Task InitializeAsync()
    {
        await Factory.ChainAsync();
        // A bound on waiting for validation and 10,000 signed records on a shared machine, not an expectation of speed.
        var byEventId = Network.Events.ToDictionary(e => e.EventId, e => e.Index, StringComparer.Ordinal);
        foreach (var document in Network.Documents(perDocument: 2_000))
        {
            var job = await EpcisCapturing.CaptureAsync(Factory.ClientFor(Roles.FoodEnterprise), document, waitSeconds: 600);
            Assert.True(job.GetProperty("success").GetBoolean(), job.ToString()[..Math.Min(2000, job.ToString().Length)]);
            foreach (var e in job.GetProperty("events").EnumerateArray())
            {
                RecordHashes[byEventId[e.GetProperty("eventId").GetString()!]] = e.GetProperty("recordHash").GetString()!;
            }
        }
        Assert.Equal(EventCount, RecordHashes.Count);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }
}

/// <summary>Backward and forward traces and the recall export on <see cref="CapturedNetwork"/>, against <see cref="TraceOracle"/>.</summary>
public sealed class GeneratedNetworkTraceTests(CapturedNetwork captured) : IClassFixture<CapturedNetwork>
{
    private SupplyNetwork Network => captured.Network;

    [Fact]
    public async Task BackwardTracesReachExactlyTheOraclesLotsPlacesAndEvents()
    {
        var roots = new[] { Network.ChainLots[^1], Network.ReworkedLots[0], Network.ProcessedLots[Network.ProcessedLots.Count / 2], Network.PalletIds[Network.PalletIds.Count / 3] };
        Assert.True(TraceOracle.Trace(Network.Events, Network.ChainLots[^1], forward: false).Identifiers.Count(Network.ChainLots.Contains) >= 50,
            "the generated brine chain is at least 50 lots deep, beyond the default depth of 32");

        foreach (var root in roots)
        {
            await AssertTraceAsync(root, forward: false);
        }
    }

    [Fact]
    public async Task ForwardTracesReachExactlyTheOraclesLotsPlacesAndEvents()
    {
        var roots = new[] { Network.FarmLots[0], Network.FarmLots[Network.FarmLots.Count / 2], Network.PackedLots[10], Network.ReworkedLots[0], Network.PalletIds[5] };

        foreach (var root in roots)
        {
            await AssertTraceAsync(root, forward: true);
        }
    }

    [Fact]
    public async Task TimeOrderPrunesWhatATimelessWalkWouldReachInThisNetwork()
    {
        // A lot reworked into an older lot code reaches that code from the rework on, not its earlier history.
        var root = Network.ProcessedLots.First(l =>
            TraceOracle.Trace(Network.Events, l, forward: true, respectTime: false).Identifiers.Count > TraceOracle.Trace(Network.Events, l, forward: true).Identifiers.Count);
        var timed = TraceOracle.Trace(Network.Events, root, forward: true);

        var trace = await TraceAsync(root, "forward");

        Assert.Equal(Sorted(timed.Identifiers), Strings(trace, "lots"));
    }

    [Fact]
    public async Task TheRecallCsvHasExactlyOneRowPerEventOfTheOraclesBackwardAndForwardTraces()
    {
        var root = Network.ProcessedLots[Network.ProcessedLots.Count / 3];
        var expected = TraceOracle.Trace(Network.Events, root, forward: false).Events.Union(TraceOracle.Trace(Network.Events, root, forward: true).Events)
            .Select(i => captured.RecordHashes[i]).Order(StringComparer.Ordinal).ToList();

        var response = await captured.Factory.ClientFor(Roles.Inspector).GetAsync($"/api/v1/food/recall.csv?epc={Uri.EscapeDataString(root)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines[1..].Select(l => l.Split(',')[^2]).Order(StringComparer.Ordinal));
    }

    private async Task AssertTraceAsync(string root, bool forward)
    {
        var expected = TraceOracle.Trace(Network.Events, root, forward);

        var trace = await TraceAsync(root, forward ? "forward" : "backward");

        Assert.Equal(Sorted(expected.Identifiers), Strings(trace, "lots"));
        Assert.Equal(Sorted(expected.Locations), Strings(trace, "locations"));
        Assert.Equal(Sorted(expected.Events.Select(i => captured.RecordHashes[i])),
            [.. trace.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("recordHash").GetString()!).Order(StringComparer.Ordinal)]);
        Assert.False(trace.GetProperty("depthLimited").GetBoolean());
        Assert.Equal(0, trace.GetProperty("withheldEvents").GetInt32());
    }

    private async Task<JsonElement> TraceAsync(string root, string direction)
    {
        var response = await captured.Factory.ClientFor(Roles.Inspector).GetAsync($"/api/v1/food/trace?epc={Uri.EscapeDataString(root)}&direction={direction}&depth=256");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];

    private static List<string> Strings(JsonElement trace, string name) =>
        [.. trace.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];
}
