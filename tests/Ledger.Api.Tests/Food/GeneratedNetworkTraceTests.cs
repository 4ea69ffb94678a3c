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
public sealed class CapturedNetwork : IAsyncLifetime, IStoredSupplyNetwork
{
    public const int EventCount = 10_000;

    public LedgerApiFactory Factory { get; } = new();

    public SupplyNetwork Network { get; } = SupplyNetwork.Generate(EventCount, seed: 20261130, tag: "424242");

    /// <summary>Each generated event's record hash, by event index.</summary>
    public Dictionary<int, string> RecordHashes { get; } = [];

    /// <summary>Each generated event's CBV 2.0 event hash ID, by event index.</summary>
    public Dictionary<int, string> EventHashIds { get; } = [];

    IReadOnlyDictionary<int, string> IStoredSupplyNetwork.RecordHashes => RecordHashes;

    IReadOnlyDictionary<int, string> IStoredSupplyNetwork.EventHashIds => EventHashIds;

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
                var index = byEventId[e.GetProperty("eventId").GetString()!];
                RecordHashes[index] = e.GetProperty("recordHash").GetString()!;
                EventHashIds[index] = e.GetProperty("eventHashId").GetString()!;
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

/// <summary>
/// The shared trace checks (<see cref="GeneratedNetworkChecks"/>) on <see cref="CapturedNetwork"/> (10,000 events),
/// plus time order and the recall export, against <see cref="TraceOracle"/>.
/// </summary>
public sealed class GeneratedNetworkTraceTests(CapturedNetwork captured) : GeneratedNetworkChecks(captured), IClassFixture<CapturedNetwork>
{
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

        var rows = await RecallRowsAsync(root);

        Assert.Equal(expected, rows.Select(r => r[^2]).Order(StringComparer.Ordinal));
    }
}
