using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Food;

/// <summary>GET /api/v1/food/trace and /recall.csv on a small supply chain: exact lots and places, cycles, depth, flags, CSV shape.</summary>
public sealed class FoodTraceTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    private static readonly string[] AllPlaces = [SupplyChain.Farm, SupplyChain.Processor, SupplyChain.Distributor, SupplyChain.MarketOne, SupplyChain.MarketTwo];

    [Fact]
    public async Task ForwardFromAFarmLotReachesTheProcessedLotItsPalletAndBothMarkets()
    {
        var chain = await CaptureAsync(withRework: false);

        var trace = await TraceAsync(_factory.ClientFor(Roles.Inspector), chain.LotA, "forward");

        Assert.Equal(Canonical(chain.LotA, chain.LotC, chain.Pallet), Strings(trace, "lots"));
        Assert.Equal(Canonical(AllPlaces), Strings(trace, "locations"));
        Assert.False(trace.GetProperty("depthLimited").GetBoolean());
    }

    [Fact]
    public async Task BackwardFromTheProcessedLotGivenAsADigitalLinkReachesBothFarmLots()
    {
        var chain = await CaptureAsync(withRework: false);

        var trace = await TraceAsync(_factory.ClientFor(Roles.FoodEnterprise), SupplyChain.Canonical(chain.LotC), "backward");

        Assert.Equal(Canonical(chain.LotA, chain.LotB, chain.LotC, chain.Pallet), Strings(trace, "lots"));
        Assert.Equal(SupplyChain.Canonical(chain.LotC), trace.GetProperty("root").GetString());
    }

    [Fact]
    public async Task ACycleEndsAndADepthLimitStopsTheWalkAndSaysSo()
    {
        var chain = await CaptureAsync(withRework: true);
        var client = _factory.ClientFor(Roles.Inspector);

        var all = await TraceAsync(client, chain.LotB, "forward");
        var one = await TraceAsync(client, chain.LotB, "forward", "&depth=1");

        Assert.Equal(Canonical(chain.LotA, chain.LotB, chain.LotC, chain.Pallet), Strings(all, "lots"));
        Assert.Equal(Canonical(chain.LotB, chain.LotC), Strings(one, "lots"));
        Assert.True(one.GetProperty("depthLimited").GetBoolean());
    }

    [Fact]
    public async Task AFailedRapidTestOnALotInTheTraceIsFlagged()
    {
        var chain = await CaptureAsync(withRework: false);
        var test = await EpcisCapturing.SubmitFailedRapidTestAsync(_factory.ClientFor(Roles.Inspector), chain.LotC);

        var trace = await TraceAsync(_factory.ClientFor(Roles.Inspector), chain.LotA, "forward");

        var flag = Assert.Single(trace.GetProperty("failedTests").EnumerateArray());
        Assert.Equal(test, flag.GetProperty("recordHash").GetString());
        Assert.Equal("destroyed", flag.GetProperty("disposal").GetString());
    }

    [Fact]
    public async Task AFailedInspectionNamingALotAsAUrnOrADigitalLinkIsFlaggedAndAPassingOneIsNot()
    {
        var chain = await CaptureAsync(withRework: false);
        var inspector = _factory.ClientFor(Roles.Inspector);
        var failedByUrn = await EpcisCapturing.SubmitInspectionAsync(inspector, chain.LotC, "fail");
        var failedByDigitalLink = await EpcisCapturing.SubmitInspectionAsync(inspector, SupplyChain.Canonical(chain.LotA), "fail");
        await EpcisCapturing.SubmitInspectionAsync(inspector, chain.LotC, "pass");

        var trace = await TraceAsync(inspector, chain.LotA, "forward");

        var flags = trace.GetProperty("failedTests").EnumerateArray().ToList();
        Assert.Equal(new[] { failedByDigitalLink, failedByUrn }.Order(StringComparer.Ordinal), flags.Select(f => f.GetProperty("recordHash").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(flags, f => Assert.Equal(("inspection", "亚硝酸盐", ""), (f.GetProperty("kind").GetString(), f.GetProperty("testItem").GetString(), f.GetProperty("disposal").GetString())));
        Assert.Equal(Canonical(chain.LotA, chain.LotC), [.. flags.Select(f => f.GetProperty("lot").GetString()!).Order(StringComparer.Ordinal)]);
    }

    [Fact]
    public async Task ThePublicTracePageOfALotListsItsPublishedInspectionWithTheCertificateLink()
    {
        var lot = new SupplyChain().LotB;
        var inspection = await EpcisCapturing.SubmitInspectionAsync(_factory.ClientFor(Roles.Inspector), lot, "fail");

        var response = await _factory.CreateClient().GetAsync($"/food/trace?epc={Uri.EscapeDataString(lot)}&lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"/food/certificates/{inspection}?lang=en", html, StringComparison.Ordinal);
        Assert.Contains("亚硝酸盐", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALotCodeReusedLaterJoinsNeitherTheEarlierProductsSourcesNorItsLaterOnes()
    {
        // A → X on day 1, X → Z on day 2, and on day 3 the code X is made again from B.
        var run = Random.Shared.Next(100000, 999999);
        var (a, b, x, z) = ($"urn:epc:class:lgtin:4012345.012345.TA{run}", $"urn:epc:class:lgtin:4012345.012345.TB{run}",
            $"urn:epc:class:lgtin:4012345.054321.TX{run}", $"urn:epc:class:lgtin:4012345.054321.TZ{run}");
        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise), $$"""
            { "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0",
              "creationDate": "2024-05-05T00:00:00Z", "epcisBody": { "eventList": [ {{Transformation("2024-05-01T10:00:00+08:00", a, x)}},
              {{Transformation("2024-05-02T10:00:00+08:00", x, z)}}, {{Transformation("2024-05-03T10:00:00+08:00", b, x)}} ] } }
            """);
        Assert.True(job.GetProperty("success").GetBoolean(), job.ToString());
        var client = _factory.ClientFor(Roles.Inspector);

        var backward = await TraceAsync(client, z, "backward");
        var forward = await TraceAsync(client, b, "forward");
        var fromX = await TraceAsync(client, x, "backward");

        Assert.Equal(Canonical(a, x, z), Strings(backward, "lots"));
        Assert.Equal(2, backward.GetProperty("events").GetArrayLength());
        Assert.Equal(Canonical(b, x), Strings(forward, "lots"));
        Assert.Equal(Canonical(a, b, x), Strings(fromX, "lots")); // the root itself is unbounded: all its history
    }

    [Fact]
    public async Task AReusedContainerJoinsNeitherItsLoadBeforeADisaggregationToItsLoadAfterNorTheOtherWayRound()
    {
        // Crate P carries lot A from the farm to market one and is emptied there (DELETE); then the processor packs lot B
        // in it, puts P into pallet Q and ships Q to market two.
        var run = Random.Shared.Next(100000, 999999);
        var (a, b) = ($"urn:epc:class:lgtin:4012345.012345.RA{run}", $"urn:epc:class:lgtin:4012345.012345.RB{run}");
        var (crate, pallet) = ($"urn:epc:id:sscc:4012345.{run}0002", $"urn:epc:id:sscc:4012345.{run}0003");
        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise), $$"""
            { "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0",
              "creationDate": "2024-06-05T00:00:00Z", "epcisBody": { "eventList": [
                {{Aggregation("2024-06-01T08:00:00+08:00", "ADD", "packing", SupplyChain.Farm, crate, $$"""{ "epcClass": "{{a}}", "quantity": 50, "uom": "KGM" }""")}},
                {{Observation("2024-06-01T12:00:00+08:00", "shipping", SupplyChain.Farm, crate)}},
                {{Observation("2024-06-01T18:00:00+08:00", "receiving", SupplyChain.MarketOne, crate)}},
                {{Aggregation("2024-06-02T08:00:00+08:00", "DELETE", "unpacking", SupplyChain.MarketOne, crate, $$"""{ "epcClass": "{{a}}", "quantity": 50, "uom": "KGM" }""")}},
                {{Aggregation("2024-06-03T08:00:00+08:00", "ADD", "packing", SupplyChain.Processor, crate, $$"""{ "epcClass": "{{b}}", "quantity": 40, "uom": "KGM" }""")}},
                {
                  "type": "AggregationEvent", "eventTime": "2024-06-03T10:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "ADD",
                  "bizStep": "packing", "parentID": "{{pallet}}", "childEPCs": ["{{crate}}"], "bizLocation": { "id": "{{SupplyChain.Processor}}" } },
                {{Observation("2024-06-03T12:00:00+08:00", "shipping", SupplyChain.Processor, pallet)}},
                {{Observation("2024-06-03T18:00:00+08:00", "receiving", SupplyChain.MarketTwo, pallet)}} ] } }
            """);
        Assert.True(job.GetProperty("success").GetBoolean(), job.ToString());
        var client = _factory.ClientFor(Roles.Inspector);

        var fromPallet = await TraceAsync(client, pallet, "backward");
        var fromB = await TraceAsync(client, b, "backward");
        var fromA = await TraceAsync(client, a, "forward");
        var toA = await TraceAsync(client, a, "backward");
        var onwardFromB = await TraceAsync(client, b, "forward");

        Assert.Equal(Canonical(b, crate, pallet), Strings(fromPallet, "lots"));
        Assert.Equal(Canonical(b, crate, pallet), Strings(fromB, "lots"));
        Assert.Equal(Canonical(a, crate), Strings(fromA, "lots"));
        Assert.Equal(Canonical(SupplyChain.Farm, SupplyChain.MarketOne), Strings(fromA, "locations"));
        Assert.Equal(4, fromA.GetProperty("events").GetArrayLength());
        Assert.Equal(Canonical(a, crate), Strings(toA, "lots"));
        Assert.Equal(Canonical(b, crate, pallet), Strings(onwardFromB, "lots"));
        Assert.Equal(Canonical(SupplyChain.Processor, SupplyChain.MarketTwo), Strings(onwardFromB, "locations"));
    }

    private static string Aggregation(string time, string action, string step, string place, string parent, string child) => $$"""
        { "type": "AggregationEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+08:00", "action": "{{action}}", "bizStep": "{{step}}",
          "parentID": "{{parent}}", "childQuantityList": [ {{child}} ], "bizLocation": { "id": "{{place}}" } }
        """;

    private static string Observation(string time, string step, string place, string epc) => $$"""
        { "type": "ObjectEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "{{step}}",
          "epcList": ["{{epc}}"], "bizLocation": { "id": "{{place}}" } }
        """;

    private static string Transformation(string time, string input, string output) => $$"""
        { "type": "TransformationEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+08:00", "bizStep": "commissioning",
          "inputQuantityList": [ { "epcClass": "{{input}}", "quantity": 10, "uom": "KGM" } ],
          "outputQuantityList": [ { "epcClass": "{{output}}", "quantity": 9, "uom": "KGM" } ],
          "bizLocation": { "id": "{{SupplyChain.Processor}}" } }
        """;

    [Fact]
    public async Task AnUnknownIdentifierIsNotFoundAndAMissingDirectionIsABadRequest()
    {
        var client = _factory.ClientFor(Roles.Inspector);

        var unknown = await client.GetAsync("/api/v1/food/trace?epc=urn:epc:class:lgtin:4012345.012345.NOPE&direction=forward");
        var noDirection = await client.GetAsync("/api/v1/food/trace?epc=urn:epc:class:lgtin:4012345.012345.NOPE");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noDirection.StatusCode);
    }

    [Fact]
    public async Task TheRecallCsvHasABomAHeaderAndOneRowPerEventOfBothTracesEachWithItsRecordHashAndVerifyUrl()
    {
        var chain = await CaptureAsync(withRework: false);
        var client = _factory.ClientFor(Roles.Inspector);
        var backward = await TraceAsync(client, chain.LotC, "backward");
        var forward = await TraceAsync(client, chain.LotC, "forward");
        var expected = Hashes(backward).Union(Hashes(forward)).Order(StringComparer.Ordinal).ToList();

        var response = await client.GetAsync($"/api/v1/food/recall.csv?epc={Uri.EscapeDataString(chain.LotC)}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Traceability Lot Code,", lines[0], StringComparison.Ordinal);
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        Assert.Equal(expected, rows.Select(r => r[^2]).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.EndsWith($"/v/{r[^2]}", r[^1], StringComparison.Ordinal));
        Assert.Contains(rows, r => r[0] == $"C{chain.LotC[^6..]}" && r[2] == "280" && r[3] == "KGM");
    }

    [Fact]
    public async Task TheRecallCsvPutsOneAccessEntryPerRowOnTheTrailEachChainedToTheOneBefore()
    {
        var chain = await CaptureAsync(withRework: false);
        var client = _factory.ClientFor(Roles.Inspector);
        var before = await _factory.QueryAsync(db => db.AccessTrail.MaxAsync(e => (long?)e.Sequence)) ?? 0;

        var response = await client.GetAsync($"/api/v1/food/recall.csv?epc={Uri.EscapeDataString(chain.LotC)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hashes = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..])
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..].Select(l => l.Split(',')[^2]).ToList();
        var read = await _factory.QueryAsync(db => db.Records.Where(r => hashes.Contains(r.RecordHash)).Select(r => r.Id).ToListAsync());
        var entries = await _factory.QueryAsync(db => db.AccessTrail.Where(e => e.Sequence > before).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(hashes.Count, entries.Count);
        Assert.Equal(read.Order(StringComparer.Ordinal), entries.Select(e => e.ReadRecordId).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => before + i), entries.Select(e => e.Sequence));
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.EntryHash, pair.First.PreviousHash));
        await using var scope = _factory.Services.CreateAsyncScope();
        var verification = await scope.ServiceProvider.GetRequiredService<AccessTrailVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.Intact, string.Join("; ", verification.Problems));
    }

    [Fact]
    public async Task TheRecallCsvOpensTheRowsOfEveryOrganisationUnderItsOwnDataKey()
    {
        // The chain captured by the enterprise, and an inspection of lot C at a market captured by the bureau: two
        // issuers, so the export's rows are sealed under two data keys, looked up together.
        var chain = await CaptureAsync(withRework: false);
        var inspector = _factory.ClientFor(Roles.Inspector);
        var reference = $"urn:epcglobal:cbv:bt:4012345000009:INSP-{chain.LotC[^6..]}";
        var job = await EpcisCapturing.CaptureAsync(inspector, $$"""
            { "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0",
              "creationDate": "2024-05-05T00:00:00Z", "epcisBody": { "eventList": [
                { "type": "ObjectEvent", "eventTime": "2024-05-03T10:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE",
                  "bizStep": "inspecting", "epcList": [], "quantityList": [ { "epcClass": "{{chain.LotC}}", "quantity": 7, "uom": "KGM" } ],
                  "bizLocation": { "id": "{{SupplyChain.MarketOne}}" },
                  "bizTransactionList": [ { "type": "inv", "bizTransaction": "{{reference}}" } ] } ] } }
            """);
        Assert.True(job.GetProperty("success").GetBoolean(), job.ToString());

        var response = await inspector.GetAsync($"/api/v1/food/recall.csv?epc={Uri.EscapeDataString(chain.LotC)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..])
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..].Select(l => l.Split(',')).ToList();
        var hashes = rows.Select(r => r[^2]).ToList();
        var records = await _factory.QueryAsync(db => db.Records.Where(r => hashes.Contains(r.RecordHash))
            .Select(r => new { r.RecordHash, r.Issuer, r.DataKeyId, Sealed = r.SealedEnvelope != null }).ToListAsync());
        Assert.Equal(rows.Count, records.Count);
        Assert.All(records, r => Assert.True(r.Sealed));
        Assert.Equal(["demo-food-enterprise", "demo-market-supervision-bureau"], records.Select(r => r.Issuer).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(2, records.Select(r => r.DataKeyId).Distinct().Count());
        // Every row that names a lot carries the quantities read from its own sealed payload, under either key.
        Assert.All(rows.Where(r => r[0].Length > 0), r => Assert.Matches("^[0-9]+(; [0-9]+)*$", r[2]));
        var inspection = Assert.Single(rows, r => records.Single(x => x.RecordHash == r[^2]).Issuer == "demo-market-supervision-bureau");
        Assert.Equal(("7", "KGM", "inv", reference), (inspection[2], inspection[3], inspection[9], inspection[10]));
        Assert.Contains(rows, r => r[0] == $"C{chain.LotC[^6..]}" && r[2] == "280" && r[3] == "KGM");
    }

    private async Task<SupplyChain> CaptureAsync(bool withRework)
    {
        var chain = new SupplyChain();
        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise), chain.Document(withRework));
        Assert.True(job.GetProperty("success").GetBoolean(), job.ToString());
        return chain;
    }


    private static async Task<JsonElement> TraceAsync(HttpClient client, string epc, string direction, string extra = "")
    {
        var response = await client.GetAsync($"/api/v1/food/trace?epc={Uri.EscapeDataString(epc)}&direction={direction}{extra}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Canonical(params string[] ids) => [.. ids.Select(SupplyChain.Canonical).Order(StringComparer.Ordinal)];

    private static List<string> Strings(JsonElement trace, string name) =>
        [.. trace.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Hashes(JsonElement trace) =>
        trace.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("recordHash").GetString()!);
}
