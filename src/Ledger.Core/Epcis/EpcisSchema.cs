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

    /// <summary>Every problem the schema finds in <paramref name="document"/>; empty when it is valid.</summary>
    public static IReadOnlyList<EpcisError> Validate(JsonElement document)
    {
        if (IsValid(document))
        {
            return [];
        }
        return EpcisSchemaErrors.Translate(Schemas.Value.Document.Evaluate(document, Details), document);
    }

    /// <summary>
    /// The verdict, with a capture document's events judged in parallel. The schema checks each item of
    /// <c>epcisBody.eventList</c> on its own against <c>EPCIS-Document-Event</c> (no keyword relates two items, and the
    /// list has no size bound), so a capture document is valid exactly when its shell — the document with an empty
    /// event list — and every one of its events are. Anything else is judged whole.
    /// </summary>
    public static bool IsValid(JsonElement document)
    {
        var (whole, oneEvent) = Schemas.Value;
        if (!IsCaptureDocument(document, out var events))
        {
            return whole.Evaluate(document, Verdict).IsValid;
        }
        if (!whole.Evaluate(Shell(document), Verdict).IsValid)
        {
            return false;
        }
        var valid = true;
        Parallel.ForEach(events.EnumerateArray(), (e, loop) =>
        {
            if (!oneEvent.Evaluate(e, Verdict).IsValid)
            {
                valid = false;
                loop.Stop();
            }
        });
        return valid;
    }

    private static bool IsCaptureDocument(JsonElement document, out JsonElement events)
    {
        events = default;
        return document.ValueKind == JsonValueKind.Object
            && document.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "EPCISDocument"
            && document.TryGetProperty("epcisBody", out var body) && body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty("eventList", out events) && events.ValueKind == JsonValueKind.Array;
    }

    // The document as sent with "eventList": [] (every other member, header and body alike, kept as written).
    private static JsonElement Shell(JsonElement document)
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
