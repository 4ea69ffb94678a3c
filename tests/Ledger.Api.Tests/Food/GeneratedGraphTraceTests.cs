using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Core.Epcis;

namespace Ledger.Api.Tests.Food;

/// <summary>
/// Trace on a generated graph whose answers follow from its shape: 40 farm lots, each two transformed into one of 20
/// processed lots, each two packed onto one of 10 pallets, each pallet shipped from the processor to one of 5 markets.
/// </summary>
public sealed class GeneratedGraphTraceTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private const int Farms = 40;
    private const string Farm = "urn:epc:id:sgln:4012345.00001.0";
    private const string Processor = "urn:epc:id:sgln:4012345.00002.0";

    private readonly LedgerApiFactory _factory = ledger.Factory;
    private readonly string _run = Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);

    private string FarmLot(int f) => $"urn:epc:class:lgtin:4012345.012345.F{_run}-{f}";
    private string ProcessedLot(int k) => $"urn:epc:class:lgtin:4012345.054321.P{_run}-{k}";
    private string Pallet(int p) => $"urn:epc:id:sscc:4012345.{_run}{p:D4}";
    private static string Market(int m) => $"urn:epc:id:sgln:4012345.0010{m}.0";

    [Fact]
    public async Task EveryProcessedLotTracesBackToExactlyItsPalletsFarmLotsAndEveryFarmLotForwardToItsPalletAndMarket()
    {
        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise), Document());
        Assert.True(job.GetProperty("success").GetBoolean(), job.ToString());
        var client = _factory.ClientFor(Roles.Inspector);

        for (var k = 0; k < Farms / 2; k += 3)
        {
            var p = k / 2;
            var backward = await TraceAsync(client, ProcessedLot(k), "backward");
            Assert.Equal(Sorted([Pallet(p), ProcessedLot(2 * p), ProcessedLot(2 * p + 1), FarmLot(4 * p), FarmLot(4 * p + 1), FarmLot(4 * p + 2), FarmLot(4 * p + 3)]),
                Strings(backward, "lots"));
        }
        for (var f = 0; f < Farms; f += 7)
        {
            var p = f / 4;
            var forward = await TraceAsync(client, FarmLot(f), "forward");
            Assert.Equal(Sorted([FarmLot(f), ProcessedLot(2 * p), ProcessedLot(2 * p + 1), Pallet(p)]), Strings(forward, "lots"));
            Assert.Equal(Sorted([Farm, Processor, Market(p % 5)]), Strings(forward, "locations"));
        }
    }

    private string Document()
    {
        var events = new List<string>();
        for (var f = 0; f < Farms; f++)
        {
            events.Add($$"""{ "type": "ObjectEvent", "eventTime": "2024-05-01T06:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "ADD", "bizStep": "commissioning", "epcList": [], "quantityList": [ { "epcClass": "{{FarmLot(f)}}", "quantity": 100, "uom": "KGM" } ], "bizLocation": { "id": "{{Farm}}" } }""");
        }
        for (var k = 0; k < Farms / 2; k++)
        {
            events.Add($$"""{ "type": "TransformationEvent", "eventTime": "2024-05-02T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "inputQuantityList": [ { "epcClass": "{{FarmLot(2 * k)}}", "quantity": 100, "uom": "KGM" }, { "epcClass": "{{FarmLot(2 * k + 1)}}", "quantity": 100, "uom": "KGM" } ], "outputQuantityList": [ { "epcClass": "{{ProcessedLot(k)}}", "quantity": 190, "uom": "KGM" } ], "bizLocation": { "id": "{{Processor}}" } }""");
        }
        for (var p = 0; p < Farms / 4; p++)
        {
            events.Add($$"""{ "type": "AggregationEvent", "eventTime": "2024-05-02T10:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "ADD", "parentID": "{{Pallet(p)}}", "childQuantityList": [ { "epcClass": "{{ProcessedLot(2 * p)}}", "quantity": 190, "uom": "KGM" }, { "epcClass": "{{ProcessedLot(2 * p + 1)}}", "quantity": 190, "uom": "KGM" } ], "bizLocation": { "id": "{{Processor}}" } }""");
            events.Add($$"""{ "type": "ObjectEvent", "eventTime": "2024-05-02T12:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "shipping", "epcList": [ "{{Pallet(p)}}" ], "bizLocation": { "id": "{{Processor}}" } }""");
            events.Add($$"""{ "type": "ObjectEvent", "eventTime": "2024-05-03T07:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "receiving", "epcList": [ "{{Pallet(p)}}" ], "bizLocation": { "id": "{{Market(p % 5)}}" } }""");
        }
        return $$"""{ "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-05T00:00:00Z", "epcisBody": { "eventList": [ {{string.Join(",\n", events)}} ] } }""";
    }

    private static async Task<JsonElement> TraceAsync(HttpClient client, string epc, string direction) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/food/trace?epc={Uri.EscapeDataString(epc)}&direction={direction}");

    private static List<string> Sorted(string[] ids) => [.. ids.Select(i => Gs1Identifier.TryParse(i)!.Canonical).Order(StringComparer.Ordinal)];

    private static List<string> Strings(JsonElement trace, string name) =>
        [.. trace.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];
}
