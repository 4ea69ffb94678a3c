using System.Buffers;
using System.Text.Json;
using Json.Schema;

namespace Ledger.Core.Epcis;

/// <summary>
/// GS1's EPCIS 2.0 JSON Schema (embedded beside this file, see README.md) evaluated with JsonSchema.Net, formats
/// (<c>date-time</c>, <c>uri</c>) asserted; its failures reported as <see cref="EpcisError"/>s by <see cref="EpcisSchemaErrors"/>.
/// </summary>
internal static class EpcisSchema
{
    private const string ResourceName = "Ledger.Core.Epcis.EPCIS-JSON-Schema.json";

    // The schema's own definition of one item of a document's eventList.
    private const string EventSchemaText = """{ "$ref": "https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json#/definitions/EPCIS-Document-Event" }""";

    // A valid document, the common case, needs only the verdict; the details are gathered again only for a refusal.
    private static readonly EvaluationOptions Verdict = new()
    {
        OutputFormat = OutputFormat.Flag,
        RequireFormatValidation = true,
    };

    private static readonly EvaluationOptions Details = new()
    {
        OutputFormat = OutputFormat.Hierarchical,
        RequireFormatValidation = true,
    };

    private static readonly Lazy<(JsonSchema Document, JsonSchema Event)> Schemas = new(Load);

    /// <summary>
    /// Every problem the schema finds in <paramref name="document"/>; empty when it is valid. A capture document's
    /// verdict is reached event by event (<see cref="AtFault"/>), and a refusal is explained from the document's header
    /// with only the events found at fault: each event is judged on its own, so their errors are those the whole
    /// document would give, without evaluating thousands of good events with full output.
    /// </summary>
    public static IReadOnlyList<EpcisError> Validate(JsonElement document)
    {
        if (!IsCaptureDocument(document, out var events))
        {
            return Schemas.Value.Document.Evaluate(document, Verdict).IsValid ? [] : ExplainWhole(document);
        }
        var (shellValid, items, faulty) = AtFault(document, events);
        if (shellValid && faulty.Count == 0)
        {
            return [];
        }
        var reduced = Shell(document, [.. faulty.Select(i => items[i])]);
        var errors = EpcisSchemaErrors.Translate(Schemas.Value.Document.Evaluate(reduced, Details), reduced);
        return [.. errors.Select(e => e.EventIndex is { } k ? Renumbered(e, k, faulty[k]) : e)];
    }

    /// <summary>A refusal explained by evaluating the whole document: slower; <see cref="Validate"/> must give the same errors.</summary>
    internal static IReadOnlyList<EpcisError> ExplainWhole(JsonElement document) =>
        EpcisSchemaErrors.Translate(Schemas.Value.Document.Evaluate(document, Details), document);

    /// <summary>
    /// The verdict on a capture document, its events judged in parallel. The schema checks each item of
    /// <c>epcisBody.eventList</c> on its own against <c>EPCIS-Document-Event</c> (no keyword relates two items, and the
    /// list has no size bound), so a capture document is valid exactly when its shell — the document with an empty
    /// event list — and every one of its events are. Every event is judged, so that a refusal knows which to explain.
    /// </summary>
    private static (bool ShellValid, JsonElement[] Items, List<int> Faulty) AtFault(JsonElement document, JsonElement events)
    {
        var (whole, oneEvent) = Schemas.Value;
        var shellValid = whole.Evaluate(Shell(document, []), Verdict).IsValid;
        var items = events.EnumerateArray().ToArray();
        var bad = new bool[items.Length];
        Parallel.For(0, items.Length, i => bad[i] = !oneEvent.Evaluate(items[i], Verdict).IsValid);
        return (shellValid, items, [.. Enumerable.Range(0, items.Length).Where(i => bad[i])]);
    }

    // An error of the reduced document's event k is an error of the document's event i.
    private static EpcisError Renumbered(EpcisError error, int k, int i)
    {
        var from = $"$.epcisBody.eventList[{k}]";
        var path = error.Path.StartsWith(from, StringComparison.Ordinal) ? $"$.epcisBody.eventList[{i}]{error.Path[from.Length..]}" : error.Path;
        return error with { EventIndex = i, Path = path };
    }

    private static bool IsCaptureDocument(JsonElement document, out JsonElement events)
    {
        events = default;
        return document.ValueKind == JsonValueKind.Object
            && document.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "EPCISDocument"
            && document.TryGetProperty("epcisBody", out var body) && body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty("eventList", out events) && events.ValueKind == JsonValueKind.Array;
    }

    // The document as sent with only <paramref name="events"/> in its "eventList" (every other member, header and body
    // alike, kept as written): with none, the shell the verdict judges; with the faulty ones, what a refusal explains.
    private static JsonElement Shell(JsonElement document, JsonElement[] events)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var member in document.EnumerateObject())
            {
                if (member.NameEquals("epcisBody"))
                {
                    writer.WritePropertyName(member.Name);
                    writer.WriteStartObject();
                    foreach (var bodyMember in member.Value.EnumerateObject())
                    {
                        writer.WritePropertyName(bodyMember.Name);
                        if (bodyMember.NameEquals("eventList"))
                        {
                            writer.WriteStartArray();
                            foreach (var e in events)
                            {
                                e.WriteTo(writer);
                            }
                            writer.WriteEndArray();
                        }
                        else
                        {
                            bodyMember.Value.WriteTo(writer);
                        }
                    }
                    writer.WriteEndObject();
                }
                else
                {
                    member.WriteTo(writer);
                }
            }
            writer.WriteEndObject();
        }
        using var shell = JsonDocument.Parse(buffer.WrittenMemory);
        return shell.RootElement.Clone();
    }

    private static (JsonSchema, JsonSchema) Load()
    {
        using var stream = typeof(EpcisSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"No embedded {ResourceName}; is it still embedded by Ledger.Core.csproj?");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        // A registry of its own, so that GS1's $id never collides with another schema's in JsonSchema.Net's global one;
        // the event schema refers into the document schema through it.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var document = JsonSchema.FromText(reader.ReadToEnd(), options);
        var oneEvent = JsonSchema.FromText(EventSchemaText, options, new Uri("urn:ledger:epcis:document-event"));
        return (document, oneEvent);
    }
}
