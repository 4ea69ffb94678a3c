using System.Net;
using System.Text;
using Ledger.Api.Access;
using Ledger.Testing;

namespace Ledger.Api.Tests.Food;

/// <summary>
/// POST /epcis/capture and its jobs end to end: the conformance examples are captured and every event verifies by its
/// record hash; a malformed document is refused naming event and field and stores nothing; error declarations revoke.
/// </summary>
public sealed class EpcisCaptureTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private static readonly string Examples = Path.Combine(RepositoryPaths.Conformance, "epcis", "examples");

    // Refused on purpose, as docs/food-safety.md explains: a repeated eventID name, and a query document.
    private static readonly string[] NotCapturable = ["AssociationEvent-h.jsonld", "EPCISQueryDocument.jsonld"];

    private readonly LedgerApiFactory _factory = ledger.Factory;

    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Examples, "*.json*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!NotCapturable.Contains(Path.GetFileName(file)))
            {
                data.Add(Path.GetRelativePath(Examples, file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public async Task EveryEventOfAConformanceExampleIsStoredAndVerifiesByItsRecordHash(string example)
    {
        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise), File.ReadAllText(Path.Combine(Examples, example)));

        Assert.True(job.GetProperty("success").GetBoolean(), job.ToString());
        var events = job.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(job.GetProperty("eventCount").GetInt32(), events.Count);
        Assert.NotEmpty(events);
        var client = _factory.CreateClient();
        foreach (var e in events)
        {
            Assert.Matches("^ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0$", e.GetProperty("eventHashId").GetString());
            var verified = await client.GetAsync(e.GetProperty("verify").GetString());
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }
        await _factory.WaitForStatusAsync(events[^1].GetProperty("recordHash").GetString()!, "anchored", "confirmed");
    }

    [Fact]
    public async Task AMalformedDocumentIsRefusedNamingTheEventAndFieldAndStoresNothing()
    {
        var before = await CountAsync();
        var document = EpcisCapturing.ObjectEvent("shipping", "urn:epc:id:sgln:0614141.07346.1234", "2024-05-01T08:00:00+08:00", "urn:epc:id:sgtin:0614141.107346.2017")
            .Replace("\"eventTime\": \"2024-05-01T08:00:00+08:00\", ", "", StringComparison.Ordinal);

        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise), document);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        var error = Assert.Single(job.GetProperty("errors").EnumerateArray());
        Assert.Equal(0, error.GetProperty("eventIndex").GetInt32());
        Assert.Equal("eventTime", error.GetProperty("field").GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task ADocumentWithOneBadEventStoresNoneOfItsGoodEvents()
    {
        var before = await CountAsync();
        var good = EpcisCapturing.ObjectEvent("shipping", "urn:epc:id:sgln:0614141.07346.1234", "2024-05-01T08:00:00+08:00", "urn:epc:id:sgtin:0614141.107346.3001");
        var twoEvents = good.Replace("] }\n}", ", { \"type\": \"ObjectEvent\", \"action\": \"OBSERVE\", \"eventTime\": \"yesterday\", \"eventTimeZoneOffset\": \"+08:00\" } ] }\n}", StringComparison.Ordinal);
        Assert.NotEqual(good, twoEvents);

        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise), twoEvents);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.All(job.GetProperty("errors").EnumerateArray(), e => Assert.Equal(1, e.GetProperty("eventIndex").GetInt32()));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AnEventWithAStringThatIsNoTextIsRefusedNamingItsIndexAndFieldAndStoresNothing()
    {
        var before = await CountAsync();
        var document = EpcisCapturing.ObjectEvent("shipping", "urn:epc:id:sgln:0614141.07346.1234", "2024-05-01T08:00:00+08:00", "urn:epc:id:sgtin:0614141.107346.LONE")
            .Replace("LONE", "\\ud800", StringComparison.Ordinal);

        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise), document);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        var error = Assert.Single(job.GetProperty("errors").EnumerateArray());
        Assert.Equal((0, "epcList[0]"), (error.GetProperty("eventIndex").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AnOverlongContextIsOneErrorForTheDocumentNotOnePerEvent()
    {
        var before = await CountAsync();
        var context = string.Join(", ", Enumerable.Range(0, 65).Select(i => $"{{ \"p{i}\": \"https://example.com/ns{i}/\" }}"));
        var document = EpcisCapturing.ObjectEvent("shipping", "urn:epc:id:sgln:0614141.07346.1234", "2024-05-01T08:00:00+08:00",
                "urn:epc:id:sgtin:0614141.107346.5001", "urn:epc:id:sgtin:0614141.107346.5002")
            .Replace("\"@context\": [", $"\"@context\": [{context}, ", StringComparison.Ordinal);
        var twoEvents = document.Replace("] }\n}", ", { \"type\": \"ObjectEvent\", \"action\": \"OBSERVE\", \"eventTime\": \"2024-05-01T09:00:00+08:00\", \"eventTimeZoneOffset\": \"+08:00\", \"epcList\": [\"urn:epc:id:sgtin:0614141.107346.5003\"] } ] }\n}", StringComparison.Ordinal);
        Assert.NotEqual(document, twoEvents);

        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise), twoEvents);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        var error = Assert.Single(job.GetProperty("errors").EnumerateArray());
        Assert.False(error.TryGetProperty("eventIndex", out _));
        Assert.Equal("@context", error.GetProperty("field").GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task ADocumentWithOneMalformedGs1KeyAmongGoodEventsIsRefusedWholeNamingItsEventAndField()
    {
        var before = await StoredAsync();
        var serial = Random.Shared.Next(100_000, 999_999);
        var document = Document(
            Event($"\"urn:epc:id:sgtin:0614141.107346.{serial}1\""),
            Event($"\"urn:epc:id:sgtin:0614141.107346.{serial}2\""),
            Event($"\"urn:epc:id:sgtin:0614141.107346.{serial}3\""),
            Event($"\"urn:epc:id:sgtin:0614141.107346.{serial}4\", \"urn:epc:id:sscc:0614141.12345678901\""),
            Event($"\"urn:epc:id:sgtin:0614141.107346.{serial}5\""));

        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise), document);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        var error = Assert.Single(job.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "epcList[1]", "$.epcisBody.eventList[3].epcList[1]"),
            (error.GetProperty("eventIndex").GetInt32(), error.GetProperty("field").GetString(), error.GetProperty("path").GetString()));
        Assert.Contains("must be 17 digits together", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(job.TryGetProperty("events", out var events) && events.ValueKind == System.Text.Json.JsonValueKind.Array);
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("epcList", "urn:epc:id:sscc:0614141.12345678901", "must be 17 digits together")]
    [InlineData("epcList", "urn:epc:id:sgtin:0614141.1073460.2017", "must be 13 digits together")]
    [InlineData("epcList", "https://id.gs1.org/01/09506000134353/21/12345", "the check digit of GTIN 09506000134353 is 3, but its other digits call for 2")]
    [InlineData("epcList", "urn:epc:id:sgtn:0614141.107346.2017", "\"sgtn\" is not an EPC scheme of a GS1 key under urn:epc:id:")]
    [InlineData("bizLocation", "urn:epc:id:sgln:0614141.0734.1234", "must be 12 digits together")]
    [InlineData("bizLocation", "https://example.com/414/0614141073468", "the check digit of GLN 0614141073468 is 8, but its other digits call for 7")]
    public async Task EachKindOfMalformedKeyIsRefusedAndStoresNothing(string field, string key, string told)
    {
        var before = await StoredAsync();
        var serial = Random.Shared.Next(100_000, 999_999);
        var document = field == "epcList"
            ? EpcisCapturing.ObjectEvent("shipping", "urn:epc:id:sgln:0614141.07346.1234", "2024-05-01T08:00:00+08:00", key)
            : EpcisCapturing.ObjectEvent("shipping", key, "2024-05-01T08:00:00+08:00", $"urn:epc:id:sgtin:0614141.107346.{serial}");

        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise), document);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        var error = Assert.Single(job.GetProperty("errors").EnumerateArray());
        Assert.Equal((0, field == "epcList" ? "epcList[0]" : "bizLocation.id"), (error.GetProperty("eventIndex").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Contains(told, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task FreeUrisAndGeoLocationsAreCapturedAsWritten()
    {
        var serial = Random.Shared.Next(100_000, 999_999);
        var thing = $"https://example.com/things/{serial}";
        var document = EpcisCapturing.ObjectEvent("shipping", $"https://example.com/places/warehouse-{serial}", "2024-05-01T08:00:00+08:00", thing)
            .Replace("\"bizLocation\"", "\"readPoint\": { \"id\": \"geo:22.543096,114.057865\" }, \"bizLocation\"", StringComparison.Ordinal);

        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise), document);

        Assert.True(job.GetProperty("success").GetBoolean(), job.ToString());
        var indexed = await _factory.QueryAsync(db => Task.FromResult(db.EpcisEventIdentifiers.Count(i => i.Identifier == thing)));
        Assert.Equal(1, indexed);
    }

    [Fact]
    public async Task AnErrorDeclarationRevokesTheEventItCorrects()
    {
        var enterprise = _factory.ClientFor(Roles.FoodEnterprise);
        var original = EpcisCapturing.ObjectEvent("shipping", "urn:epc:id:sgln:0614141.07346.1234", "2024-05-02T08:00:00+08:00", "urn:epc:id:sgtin:0614141.107346.4001");
        var captured = await EpcisCapturing.CaptureAsync(enterprise, original);
        var originalHash = captured.GetProperty("events")[0].GetProperty("recordHash").GetString()!;
        var declaration = original.Replace("\"action\": \"OBSERVE\",", "\"action\": \"OBSERVE\", \"errorDeclaration\": { \"declarationTime\": \"2024-05-03T08:00:00+08:00\", \"reason\": \"incorrect_data\" },", StringComparison.Ordinal);

        var declared = await EpcisCapturing.CaptureAsync(enterprise, declaration);

        Assert.True(declared.GetProperty("success").GetBoolean(), declared.ToString());
        var declarationEvent = declared.GetProperty("events")[0];
        Assert.Equal(captured.GetProperty("events")[0].GetProperty("eventHashId").GetString(), declarationEvent.GetProperty("eventHashId").GetString());
        await _factory.WaitForStatusAsync(originalHash, "revoked");
        var revokedBy = await _factory.QueryAsync(db => Task.FromResult(
            db.Revocations.Where(r => r.RevokedRecordId == db.Records.Single(x => x.RecordHash == originalHash).Id)
                .Join(db.Records, r => r.Id, x => x.Id, (r, x) => x.RecordHash).Single()));
        Assert.Equal(declarationEvent.GetProperty("recordHash").GetString(), revokedBy);
    }

    [Fact]
    public async Task ACommunityWorkerMayNotCapture()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");

        var response = await _factory.ClientFor(Roles.CommunityWorker).PostAsync("/epcis/capture", content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnotherOrganisationsCaptureJobIsNotFound()
    {
        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise),
            EpcisCapturing.ObjectEvent("receiving", "urn:epc:id:sgln:0614141.07346.1234", "2024-05-01T09:00:00+08:00", "urn:epc:id:sgtin:0614141.107346.5001"));

        var response = await _factory.ClientFor(Roles.Inspector).GetAsync($"/epcis/capture/{job.GetProperty("captureId").GetString()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<int> CountAsync() => _factory.QueryAsync(db => Task.FromResult(db.Records.Count(r => r.Type == "epcis-event")));

    // What a refused document must leave as it was: event records, index rows and their identifiers.
    private Task<(int Records, int Events, int Identifiers)> StoredAsync() => _factory.QueryAsync(db => Task.FromResult(
        (db.Records.Count(r => r.Type == "epcis-event"), db.EpcisEvents.Count(), db.EpcisEventIdentifiers.Count())));

    private static string Event(string epcs) => $$"""
        { "type": "ObjectEvent", "eventTime": "2024-05-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE",
          "bizStep": "shipping", "epcList": [{{epcs}}], "bizLocation": { "id": "urn:epc:id:sgln:0614141.07346.1234" } }
        """;

    private static string Document(params string[] events) => $$"""
        {
          "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
          "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-01T08:00:00Z",
          "epcisBody": { "eventList": [{{string.Join(",\n", events)}}] }
        }
        """;
}
