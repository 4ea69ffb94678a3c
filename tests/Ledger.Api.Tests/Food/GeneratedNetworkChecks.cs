using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Testing.Food;

namespace Ledger.Api.Tests.Food;

/// <summary>A generated supply network stored in a running service, with each event's record hash and hash ID.</summary>
public interface IStoredSupplyNetwork
{
    LedgerApiFactory Factory { get; }

    SupplyNetwork Network { get; }

    /// <summary>Each generated event's record hash, by event index.</summary>
    IReadOnlyDictionary<int, string> RecordHashes { get; }

    /// <summary>Each generated event's CBV 2.0 event hash ID, by event index.</summary>
    IReadOnlyDictionary<int, string> EventHashIds { get; }
}

/// <summary>
/// The checks every scale of the generated network runs against <see cref="TraceOracle"/>: backward traces from four
/// roots (the end of the deep brine chain, a reworked lot, a processed lot, a pallet) and forward traces from five (farm
/// lots, a packed lot, a reworked lot, a pallet), each reaching exactly the oracle's lots, places and events (by record
/// hash and by event hash ID). A class derived from it names its fixture, and so its scale, and adds its own checks.
/// </summary>
public abstract class GeneratedNetworkChecks(IStoredSupplyNetwork stored)
{
    protected SupplyNetwork Network => stored.Network;

    [Fact]
    public async Task BackwardTracesReachExactlyTheOraclesLotsPlacesAndEvents()
    {
        var chain = await AssertTraceAsync(Network.ChainLots[^1], forward: false);
        Assert.True(chain.Identifiers.Count(Network.ChainLots.Contains) >= 50, "the generated brine chain is at least 50 lots deep, beyond the default depth of 32");

        foreach (var root in new[] { Network.ReworkedLots[0], Network.ProcessedLots[Network.ProcessedLots.Count / 2], Network.PalletIds[Network.PalletIds.Count / 3] })
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

    /// <summary>The rows (fields split at commas; the generated values hold none) of the recall export of <paramref name="root"/>.</summary>
    protected async Task<List<string[]>> RecallRowsAsync(string root)
    {
        var response = await stored.Factory.ClientFor(Roles.Inspector).GetAsync($"/api/v1/food/recall.csv?epc={Uri.EscapeDataString(root)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return [.. lines[1..].Select(l => l.Split(','))];
    }

    protected async Task<JsonElement> TraceAsync(string root, string direction)
    {
        var response = await stored.Factory.ClientFor(Roles.Inspector).GetAsync($"/api/v1/food/trace?epc={Uri.EscapeDataString(root)}&direction={direction}&depth=256");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    protected static List<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];

    protected static List<string> Strings(JsonElement trace, string name) => Sorted(trace.GetProperty(name).EnumerateArray().Select(e => e.GetString()!));

    private async Task<ExpectedTrace> AssertTraceAsync(string root, bool forward)
    {
        var expected = TraceOracle.Trace(Network.Events, root, forward);

        var trace = await TraceAsync(root, forward ? "forward" : "backward");

        Assert.Equal(Sorted(expected.Identifiers), Strings(trace, "lots"));
        Assert.Equal(Sorted(expected.Locations), Strings(trace, "locations"));
        var events = trace.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(Sorted(expected.Events.Select(i => stored.RecordHashes[i])), Sorted(events.Select(e => e.GetProperty("recordHash").GetString()!)));
        Assert.Equal(Sorted(expected.Events.Select(i => stored.EventHashIds[i])), Sorted(events.Select(e => e.GetProperty("eventHashId").GetString()!)));
        Assert.False(trace.GetProperty("depthLimited").GetBoolean());
        Assert.Equal(0, trace.GetProperty("withheldEvents").GetInt32());
        return expected;
    }
}
