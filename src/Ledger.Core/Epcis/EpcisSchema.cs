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

    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>Every problem the schema finds in <paramref name="document"/>; empty when it is valid.</summary>
    public static IReadOnlyList<EpcisError> Validate(JsonElement document)
    {
        if (Schema.Value.Evaluate(document, Verdict).IsValid)
        {
            return [];
        }
        return EpcisSchemaErrors.Translate(Schema.Value.Evaluate(document, Details), document);
    }

    private static JsonSchema Load()
    {
        using var stream = typeof(EpcisSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"No embedded {ResourceName}; is it still embedded by Ledger.Core.csproj?");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        // A registry of its own, so that GS1's $id never collides with another schema's in JsonSchema.Net's global one.
        return JsonSchema.FromText(reader.ReadToEnd(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }
}
