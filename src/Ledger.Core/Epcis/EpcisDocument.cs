using System.Text.Json;

namespace Ledger.Core.Epcis;

/// <summary>
/// An EPCIS 2.0 capture document (JSON / JSON-LD, <c>"type": "EPCISDocument"</c>) that has passed GS1's JSON Schema,
/// the ledger's limits and its check of GS1 keys (<see cref="Gs1KeyCheck"/>), with every event's hash ID. Parse with <see cref="Parse(ReadOnlyMemory{byte}, EpcisLimits?, EventHashOptions?)"/>;
/// dispose when done with the events' JSON.
/// </summary>
public sealed class EpcisDocument : IDisposable
{
    private readonly JsonDocument _json;

    private EpcisDocument(JsonDocument json, IReadOnlyList<EpcisEvent> events)
    {
        _json = json;
        Events = events;
    }

    /// <summary>The events in document order.</summary>
    public IReadOnlyList<EpcisEvent> Events { get; }

    /// <summary>The whole document as sent.</summary>
    public JsonElement Json => _json.RootElement;

    /// <summary>Parses and validates a capture document given as UTF-8 JSON.</summary>
    public static EpcisParseResult Parse(ReadOnlyMemory<byte> utf8, EpcisLimits? limits = null, EventHashOptions? options = null)
    {
        limits ??= EpcisLimits.Default;
        if (utf8.Length > limits.MaxBytes)
        {
            return Refused(EpcisError.Document("$", $"is {utf8.Length} bytes; a document may be at most {limits.MaxBytes} bytes"));
        }
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = limits.MaxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return Refused(EpcisError.Document(e.Path ?? "$", $"is not valid JSON: {e.Message}"));
        }
        var errors = EpcisText.Check(json.RootElement);
        if (errors.Count == 0)
        {
            errors = Precheck(json.RootElement, limits);
        }
        if (errors.Count == 0)
        {
            errors = EpcisSchema.Validate(json.RootElement);
        }
        if (errors.Count == 0)
        {
            errors = EpcisGs1Keys.Check(json.RootElement);
        }
        if (errors.Count > 0)
        {
            json.Dispose();
            return Refused([.. errors]);
        }
        var root = json.RootElement;
        var preHashes = EpcisEventHash.PreHashes(root, options);
        var events = EpcisEventHash.EventsOf(root).Events
            .Select((e, i) => new EpcisEvent(i, e.GetProperty("type").GetString()!, e, preHashes[i], EpcisEventHash.FromPreHash(preHashes[i])))
            .ToList();
        return new EpcisParseResult(new EpcisDocument(json, events), []);
    }

    /// <summary>Parses and validates a capture document given as JSON text.</summary>
    public static EpcisParseResult Parse(string json, EpcisLimits? limits = null, EventHashOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(System.Text.Encoding.UTF8.GetBytes(json), limits, options);
    }

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();

    // What must hold before the schema is worth running: a capture document, with a bounded number of events.
    private static IReadOnlyList<EpcisError> Precheck(JsonElement root, EpcisLimits limits)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return [EpcisError.Document("$", "must be a JSON object (an EPCIS document)")];
        }
        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return [EpcisError.Document("$.type", "is required and must be \"EPCISDocument\"")];
        }
        if (type.GetString() != "EPCISDocument")
        {
            var what = type.GetString() == "EPCISQueryDocument" ? "is \"EPCISQueryDocument\": a query result cannot be captured" : $"is \"{type.GetString()}\"";
            return [EpcisError.Document("$.type", $"{what}; capture takes an \"EPCISDocument\"")];
        }
        if (!root.TryGetProperty("epcisBody", out var body) || body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("eventList", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [EpcisError.Document("$.epcisBody.eventList", "is required: capture takes a list of events")];
        }
        if (list.GetArrayLength() > limits.MaxEvents)
        {
            return [EpcisError.Document("$.epcisBody.eventList", $"holds {list.GetArrayLength()} events; a document may hold at most {limits.MaxEvents}")];
        }
        // The schema would also admit extension event types named by URI; the ledger stores and traces the five of EPCIS 2.0.
        var errors = new List<EpcisError>();
        var index = 0;
        foreach (var evt in list.EnumerateArray())
        {
            var eventType = evt.ValueKind == JsonValueKind.Object && evt.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (!EventTypes.Contains(eventType))
            {
                errors.Add(new EpcisError(index, $"$.epcisBody.eventList[{index}].type", "type",
                    $"{(eventType is null ? "is required and" : $"is \"{eventType}\";")} must be one of {string.Join(", ", EventTypes)}"));
            }
            index++;
        }
        return errors;
    }

    /// <summary>The event types of EPCIS 2.0.</summary>
    public static IReadOnlyList<string> EventTypes { get; } = ["ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent"];

    private static EpcisParseResult Refused(params EpcisError[] errors) => new(null, errors);
}

/// <summary>The outcome of <see cref="EpcisDocument.Parse(ReadOnlyMemory{byte}, EpcisLimits?, EventHashOptions?)"/>: a document, or why there is none.</summary>
/// <param name="Document">The parsed document when it is valid, else null.</param>
/// <param name="Errors">Every problem found; empty when <see cref="Document"/> is set.</param>
public sealed record EpcisParseResult(EpcisDocument? Document, IReadOnlyList<EpcisError> Errors)
{
    /// <summary>Whether the document was accepted.</summary>
    public bool IsValid => Document is not null;
}
