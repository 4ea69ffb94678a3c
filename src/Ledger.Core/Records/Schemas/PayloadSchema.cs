using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Ledger.Core.Canonical;

namespace Ledger.Core.Records.Schemas;

/// <summary>
/// One version of a record type's payload schema: a JSON Schema 2020-12 file embedded beside the type's definition,
/// evaluated with JsonSchema.Net and the ledger's formats (<see cref="LedgerFormats"/>). Before the schema sees a
/// payload, the payload must survive canonicalization (RFC 8785 plus the ledger's I-JSON rules): names unique, text
/// valid Unicode, every number exactly what a double holds. The schema then judges the canonical form, which is
/// what is hashed — <c>1.50</c> is checked as <c>1.5</c>.
/// </summary>
public sealed class PayloadSchema
{
    // A valid payload (nearly every one) is judged with the flag output, which stops at the first failure and gathers
    // no annotations; only an invalid one is evaluated again with the list output that names every field at fault.
    private static readonly EvaluationOptions Verdict = new()
    {
        OutputFormat = OutputFormat.Flag,
        RequireFormatValidation = true,
        FormatRegistry = LedgerFormats.Registry,
    };

    private static readonly EvaluationOptions Evaluation = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
        FormatRegistry = LedgerFormats.Registry,
    };

    private readonly JsonSchema _schema;

    private PayloadSchema(string text, string source)
    {
        Text = text;
        Json = JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"{source} is not a JSON object.");
        Id = Json["$id"]?.GetValue<string>() ?? throw new InvalidOperationException($"{source} has no $id.");
        // A registry of its own, so that a schema's $id never collides with another's in JsonSchema.Net's global one.
        _schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>The schema file exactly as shipped, e.g. for <c>GET /api/v1/record-types/{domain}/{type}/schema</c>.</summary>
    public string Text { get; }

    /// <summary>The schema as a JSON tree (a copy is safest to hand out: see <see cref="Copy"/>).</summary>
    internal JsonObject Json { get; }

    /// <summary>The schema's <c>$id</c>, e.g. <c>urn:ledger:record-type:food-safety:inspection:v1</c>.</summary>
    public string Id { get; }

    /// <summary>A copy of the schema as a JSON tree, to embed elsewhere (the OpenAPI document).</summary>
    public JsonObject Copy() => (JsonObject)Json.DeepClone();

    /// <summary>
    /// Loads the schema file <paramref name="fileName"/> embedded in the folder of <paramref name="module"/>: the
    /// manifest resource named after the module's namespace, which follows its folder.
    /// </summary>
    public static PayloadSchema Embedded(Type module, string fileName)
    {
        ArgumentNullException.ThrowIfNull(module);
        var name = $"{module.Namespace}.{fileName}";
        using var stream = module.Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No embedded schema '{name}' in {module.Assembly.GetName().Name}; is the file beside {module.Name} and embedded?");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return new PayloadSchema(reader.ReadToEnd(), name);
    }

    /// <summary>A schema from text, for tests.</summary>
    public static PayloadSchema FromText(string text) => new(text, "the schema text");

    /// <summary>Every problem with <paramref name="payload"/>, one per field; empty when it is valid.</summary>
    public IReadOnlyList<PayloadError> Validate(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        string canonical;
        try
        {
            canonical = JsonCanonicalizer.CanonicalizeToString(payload);
        }
        catch (CanonicalJsonException e)
        {
            // Repeated names first, every one of them; canonicalisation stops at the first problem. A payload it
            // accepts has none, so the walk is only made for one it refuses.
            var duplicates = DuplicateNames(payload, FieldPath.Root);
            // What cannot be hashed exactly (an inexact number, a lone surrogate) is refused before any schema rule.
            return duplicates.Count > 0 ? duplicates : [new PayloadError(FieldPath.FromJsonPath(e.Path), e.Problem)];
        }
        using var document = JsonDocument.Parse(canonical);
        if (_schema.Evaluate(document.RootElement, Verdict).IsValid)
        {
            return [];
        }
        var results = _schema.Evaluate(document.RootElement, Evaluation);
        return results.IsValid ? [] : SchemaErrors.Translate(results, Json, document.RootElement);
    }

    // System.Text.Json materializes parsed objects lazily and only then notices a repeated name; say where.
    private static List<PayloadError> DuplicateNames(JsonNode? node, FieldPath path)
    {
        var errors = new List<PayloadError>();
        switch (node)
        {
            case JsonObject obj:
                List<KeyValuePair<string, JsonNode?>> properties;
                try
                {
                    properties = [.. obj];
                }
                catch (ArgumentException)
                {
                    errors.Add(new PayloadError(path.ToString(), "has duplicate property names"));
                    break;
                }
                foreach (var (name, value) in properties)
                {
                    errors.AddRange(DuplicateNames(value, path.Child(name)));
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    errors.AddRange(DuplicateNames(array[i], path.Item(i)));
                }
                break;
        }
        return errors;
    }
}
