using System.Text.Json.Nodes;
using Ledger.Core.Epcis;

namespace Ledger.Core.Tests.Epcis;

/// <summary>Documents capture must refuse, each with the event index and field at fault.</summary>
public sealed class MalformedDocumentTests
{
    private static JsonObject Event(string eventTime = "2024-03-01T09:30:00.000+08:00") => new()
    {
        ["type"] = "ObjectEvent",
        ["eventTime"] = eventTime,
        ["eventTimeZoneOffset"] = "+08:00",
        ["epcList"] = new JsonArray("urn:epc:id:sgtin:4012345.011111.9876"),
        ["action"] = "OBSERVE",
        ["bizStep"] = "receiving",
        ["readPoint"] = new JsonObject { ["id"] = "urn:epc:id:sgln:4012345.00005.0" },
    };

    private static JsonObject Document(params JsonObject[] events) => new()
    {
        ["@context"] = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"),
        ["type"] = "EPCISDocument",
        ["schemaVersion"] = "2.0",
        ["creationDate"] = "2024-03-01T10:00:00Z",
        ["epcisBody"] = new JsonObject { ["eventList"] = new JsonArray([.. events]) },
    };

    private static EpcisParseResult Parse(JsonObject document, EpcisLimits? limits = null) => EpcisDocument.Parse(document.ToJsonString(), limits);

    [Fact]
    public void AWellFormedDocumentIsAccepted()
    {
        var result = Parse(Document(Event(), Event()));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(2, result.Document!.Events.Count);
    }

    [Fact]
    public void AMissingEventTimeIsRefusedAtThatEvent()
    {
        var broken = Event();
        broken.Remove("eventTime");

        var error = Assert.Single(Parse(Document(Event(), broken)).Errors);

        Assert.Equal((1, "eventTime", "$.epcisBody.eventList[1].eventTime", "is required"), (error.EventIndex, error.Field, error.Path, error.Message));
    }

    [Fact]
    public void AnUnknownEventTypeIsRefusedAtThatEvent()
    {
        var broken = Event();
        broken["type"] = "InspectionEvent";

        var error = Assert.Single(Parse(Document(Event(), Event(), broken)).Errors);

        Assert.Equal((2, "type"), (error.EventIndex, error.Field));
        Assert.Contains("\"InspectionEvent\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownActionIsRefusedAtThatEvent()
    {
        var broken = Event();
        broken["action"] = "WATCH";

        var error = Assert.Single(Parse(Document(broken)).Errors);

        Assert.Equal((0, "action", "\"WATCH\" is not an allowed value"), (error.EventIndex, error.Field, error.Message));
    }

    [Fact]
    public void AnEventTimeThatIsNoDateTimeIsRefusedAtThatField()
    {
        var error = Assert.Single(Parse(Document(Event(), Event("yesterday at noon"))).Errors);

        Assert.Equal((1, "eventTime"), (error.EventIndex, error.Field));
    }

    // The verdict judges a document's events one by one in parallel; these check it misses none, wherever it sits.
    // (Hundreds keep the test quick; a refusal is explained from the faulty events alone, with the header.)
    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    [InlineData(499)]
    public void ABadEventAmongHundredsIsRefusedAtItsIndex(int bad)
    {
        var events = Enumerable.Range(0, 500).Select(i => Event(i == bad ? "not a time" : "2024-03-01T09:30:00.000+08:00")).ToArray();

        var error = Assert.Single(Parse(Document(events)).Errors);

        Assert.Equal((bad, "eventTime", $"$.epcisBody.eventList[{bad}].eventTime"), (error.EventIndex, error.Field, error.Path));
    }

    [Fact]
    public void ARefusalExplainedFromTheFaultyEventsAloneGivesTheErrorsOfTheWholeDocument()
    {
        var noTime = Event();
        noTime.Remove("eventTime");
        var badAction = Event();
        badAction["action"] = "MOVE";
        var badPlace = Event();
        badPlace["readPoint"] = new JsonObject { ["id"] = 42, ["extra"] = true };
        var aggregation = Event();
        aggregation["type"] = "AggregationEvent";
        aggregation["parentID"] = "not a uri";
        var events = Enumerable.Range(0, 40).Select(i => i switch { 3 => noTime, 11 => badAction, 12 => badPlace, 39 => aggregation, _ => Event() }).ToArray();
        var document = Document(events);
        document["creationDate"] = "yesterday";
        using var json = System.Text.Json.JsonDocument.Parse(document.ToJsonString());

        var errors = EpcisSchema.Validate(json.RootElement);

        Assert.Equal(EpcisSchema.ExplainWhole(json.RootElement), errors);
        Assert.Equal(new int?[] { null, 3, 11, 12, 39 }, errors.Select(e => e.EventIndex).Distinct());
    }

    [Fact]
    public void EveryBadEventIsNamedNotOnlyTheFirst()
    {
        var noTime = Event();
        noTime.Remove("eventTime");
        var badAction = Event();
        badAction["action"] = "MOVE";

        var errors = Parse(Document(Event(), noTime, Event(), badAction)).Errors;

        Assert.Equal(new (int?, string?)[] { (1, "eventTime"), (3, "action") }, errors.Select(e => (e.EventIndex, e.Field)).Distinct().OrderBy(e => e.EventIndex));
    }

    [Fact]
    public void AHeaderProblemIsRefusedThoughEveryEventIsValid()
    {
        var document = Document(Event(), Event());
        document["creationDate"] = "yesterday";

        var error = Assert.Single(Parse(document).Errors);

        Assert.Equal((null, "$.creationDate"), (error.EventIndex, error.Path));
    }

    [Fact]
    public void AnEscapedLoneSurrogateIsRefusedAtItsEventAndFieldNotThrown()
    {
        var broken = Event();
        broken["epcList"] = new JsonArray("urn:epc:id:sgtin:4012345.011111.LONE");
        var json = Document(Event(), broken).ToJsonString().Replace("LONE", "\\udc00", StringComparison.Ordinal);

        var error = Assert.Single(EpcisDocument.Parse(json).Errors);

        Assert.Equal((1, "epcList[0]", "$.epcisBody.eventList[1].epcList[0]"), (error.EventIndex, error.Field, error.Path));
        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANestedFieldIsNamedByItsPathInTheEvent()
    {
        var broken = Event();
        broken["readPoint"] = new JsonObject { ["id"] = 42 };

        var errors = Parse(Document(broken)).Errors;

        Assert.Contains(errors, e => e.EventIndex == 0 && e.Field == "readPoint.id");
    }

    [Fact]
    public void AMalformedGs1KeyIsRefusedAtItsEventAndFieldThoughTheSchemaAdmitsIt()
    {
        var broken = Event();
        broken["epcList"] = new JsonArray("urn:epc:id:sgtin:4012345.011111.1", "urn:epc:id:sscc:0614141.12345678901");

        var error = Assert.Single(Parse(Document(Event(), broken, Event())).Errors);

        Assert.Equal((1, "epcList[1]", "$.epcisBody.eventList[1].epcList[1]"), (error.EventIndex, error.Field, error.Path));
        Assert.StartsWith("\"urn:epc:id:sscc:0614141.12345678901\" is not a well-formed GS1 key: the company prefix and the extension digit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFieldThatNamesAThingPlaceOrPartyIsChecked()
    {
        const string Bad = "urn:epc:id:sgln:4012345.0005.0";
        var broken = Event();
        broken["type"] = "TransformationEvent";
        broken.Remove("action");
        broken.Remove("epcList");
        broken["inputEPCList"] = new JsonArray(Bad);
        broken["outputEPCList"] = new JsonArray("urn:epc:id:sgtin:4012345.011111.2", Bad);
        broken["inputQuantityList"] = new JsonArray(new JsonObject { ["epcClass"] = Bad, ["quantity"] = 1 });
        broken["outputQuantityList"] = new JsonArray(new JsonObject { ["epcClass"] = Bad });
        broken["readPoint"] = new JsonObject { ["id"] = Bad };
        broken["bizLocation"] = new JsonObject { ["id"] = Bad };
        broken["sourceList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["source"] = Bad });
        broken["destinationList"] = new JsonArray(new JsonObject { ["type"] = "location", ["destination"] = Bad });
        var aggregation = Event();
        aggregation["type"] = "AggregationEvent";
        aggregation.Remove("epcList");
        aggregation["parentID"] = Bad;
        aggregation["childEPCs"] = new JsonArray(Bad);
        aggregation["childQuantityList"] = new JsonArray(new JsonObject { ["epcClass"] = Bad });
        var objectEvent = Event();
        objectEvent["quantityList"] = new JsonArray(new JsonObject { ["epcClass"] = Bad });

        var errors = Parse(Document(broken, aggregation, objectEvent)).Errors;

        Assert.Equal(
            new (int?, string?)[]
            {
                (0, "inputEPCList[0]"), (0, "outputEPCList[1]"), (0, "inputQuantityList[0].epcClass"), (0, "outputQuantityList[0].epcClass"),
                (0, "bizLocation.id"), (0, "readPoint.id"), (0, "sourceList[0].source"), (0, "destinationList[0].destination"),
                (1, "parentID"), (1, "childEPCs[0]"), (1, "childQuantityList[0].epcClass"), (2, "quantityList[0].epcClass"),
            },
            errors.Select(e => (e.EventIndex, e.Field)));
    }

    [Fact]
    public void FreeUrisAndGeoLocationsAreNotGs1KeysAndStayAllowed()
    {
        var free = Event();
        free["epcList"] = new JsonArray("https://example.com/things/42", "urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        free["readPoint"] = new JsonObject { ["id"] = "geo:22.543096,114.057865" };
        free["bizLocation"] = new JsonObject { ["id"] = "https://example.com/places/warehouse-7" };

        var result = Parse(Document(free));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void MalformedKeysBeyondAHundredAreCountedAsOneMoreError()
    {
        var events = Enumerable.Range(0, 60).Select(_ =>
        {
            var e = Event();
            e["epcList"] = new JsonArray("urn:epc:id:sscc:0614141.1", "urn:epc:id:sscc:0614141.2");
            return e;
        }).ToArray();

        var errors = Parse(Document(events)).Errors;

        Assert.Equal(101, errors.Count);
        Assert.Equal((49, "epcList[1]"), (errors[99].EventIndex, errors[99].Field));
        Assert.Equal((null, "$.epcisBody.eventList"), (errors[100].EventIndex, errors[100].Path));
    }

    [Fact]
    public void MoreThanTenThousandEventsAreRefusedBeforeAnyIsChecked()
    {
        var events = new JsonArray();
        for (var i = 0; i < 10_001; i++)
        {
            events.Add(new JsonObject { ["type"] = "ObjectEvent" });
        }
        var document = Document();
        document["epcisBody"] = new JsonObject { ["eventList"] = events };

        var error = Assert.Single(Parse(document).Errors);

        Assert.Equal(("$.epcisBody.eventList", null), (error.Path, error.EventIndex));
        Assert.Contains("at most 10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextThatIsNotJsonIsRefused()
    {
        var error = Assert.Single(EpcisDocument.Parse("<epcis:EPCISDocument/>").Errors);

        Assert.StartsWith("is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AQueryDocumentIsNotACaptureDocument()
    {
        var query = Document(Event());
        query["type"] = "EPCISQueryDocument";

        var error = Assert.Single(Parse(query).Errors);

        Assert.Equal("$.type", error.Path);
        Assert.Contains("query", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADocumentWithoutAnEventListIsRefused()
    {
        var empty = Document();
        empty["epcisBody"] = new JsonObject();

        Assert.Equal("$.epcisBody.eventList", Assert.Single(Parse(empty).Errors).Path);
    }

    [Fact]
    public void ADocumentLargerThanTheLimitIsRefusedUnread()
    {
        var error = Assert.Single(Parse(Document(Event()), new EpcisLimits { MaxBytes = 100 }).Errors);

        Assert.Equal("$", error.Path);
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsRefused()
    {
        var deep = Event();
        JsonObject inner = deep;
        for (var i = 0; i < 80; i++)
        {
            var next = new JsonObject();
            inner["example:nested"] = next;
            inner = next;
        }

        Assert.StartsWith("is not valid JSON", Assert.Single(Parse(Document(deep)).Errors).Message, StringComparison.Ordinal);
    }
}
