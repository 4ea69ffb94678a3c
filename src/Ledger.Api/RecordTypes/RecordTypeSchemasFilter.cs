using System.Globalization;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Core.Records;
using Ledger.Core.Records.Chains;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Ledger.Api.RecordTypes;

/// <summary>
/// Puts each submittable record type's current payload schema into the OpenAPI document and makes the submission body
/// a <c>oneOf</c> over the types, each alternative fixing its <c>domain</c> and <c>type</c>: Swagger UI then shows a
/// type's real fields instead of an opaque payload object. The schemas are the very files the service validates with,
/// less what OpenAPI has no place for (<c>$id</c>, <c>$schema</c>, <c>$comment</c>, <c>errorMessage</c>) and with
/// local <c>$ref</c>s inlined, since they would point into the OpenAPI document instead of the schema; a chained
/// type's chain link is marked read-only and not required, since the ledger writes it.
/// </summary>
internal sealed class RecordTypeSchemasFilter : IDocumentFilter
{
    private static readonly string[] NotForOpenApi = ["$schema", "$id", "$comment", "$defs", "errorMessage"];

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var submissions = new List<IOpenApiSchema>();
        foreach (var type in RecordTypeCatalog.Default.Submittable)
        {
            var name = ComponentName(type);
            var payload = $"{name}PayloadV{type.Current.Number}";
            document.AddComponent(payload, PayloadSchema(type, document));
            document.AddComponent($"{name}Submission", Submission(type, payload, document));
            submissions.Add(new OpenApiSchemaReference($"{name}Submission", document));
        }
        if (document.Paths.TryGetValue("/api/v1/records", out var path)
            && path.Operations?.TryGetValue(HttpMethod.Post, out var submit) == true
            && submit.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
        {
            body.Schema = new OpenApiSchema
            {
                Description = "One record of a published type (GET /api/v1/record-types); its payload follows that type's current schema.",
                OneOf = submissions,
            };
        }
    }

    // food-safety + inspection → FoodSafetyInspection
    private static string ComponentName(RecordTypeDefinition type) => string.Concat(
        $"{type.Domain}-{type.Type}".Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static OpenApiSchema PayloadSchema(RecordTypeDefinition type, OpenApiDocument document)
    {
        var json = type.Current.Schema.Copy();
        if (type.Current.Chained)
        {
            // The ledger writes the chain link in the commit: shown, but read-only and never required of a submitter.
            json["required"] = new JsonArray([.. json["required"]!.AsArray().Where(r => r!.GetValue<string>() != ChainLink.Field).Select(r => r!.DeepClone())]);
            json["properties"]![ChainLink.Field]!["readOnly"] = true;
        }
        var defs = json["$defs"] as JsonObject;
        var schema = new OpenApiJsonReader().ReadFragment<OpenApiSchema>(
            ForOpenApi(json, defs), OpenApiSpecVersion.OpenApi3_1, document, out var diagnostic);
        if (schema is null || diagnostic?.Errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"The schema of {type.Name} v{type.Current.Number} does not read as an OpenAPI schema: {string.Join("; ", diagnostic?.Errors.Select(e => e.Message) ?? [])}");
        }
        return schema;
    }

    private static JsonNode ForOpenApi(JsonNode node, JsonObject? defs)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                if (obj["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal)
                    && defs?[reference["#/$defs/".Length..]] is JsonObject target)
                {
                    foreach (var (key, value) in target)
                    {
                        copy[key] = ForOpenApi(value!, defs);
                    }
                }
                foreach (var (key, value) in obj)
                {
                    if (key != "$ref" && !NotForOpenApi.Contains(key))
                    {
                        copy[key] = key is "properties" ? Properties((JsonObject)value!, defs) : ForOpenApi(value!, defs);
                    }
                }
                return copy;
            default:
                return node.DeepClone();
        }
    }

    // Property names are data, not keywords: a property called "errorMessage" stays.
    private static JsonObject Properties(JsonObject properties, JsonObject? defs)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in properties)
        {
            copy[name] = ForOpenApi(value!, defs);
        }
        return copy;
    }

    private static OpenApiSchema Submission(RecordTypeDefinition type, string payload, OpenApiDocument document) => new()
    {
        Title = $"{type.Name} submission",
        Description = string.Create(CultureInfo.InvariantCulture,
            $"{type.Summary} Version {type.Current.Number}; level L{(int)type.Level}; submitted by {string.Join(", ", PermissionTable.Default.SubmittersOf(type))}."),
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "domain", "type", "occurredAt", "payload" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["domain"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type.Domain)] },
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type.Type)] },
            ["occurredAt"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = "date-time",
                Description = "When the recorded event happened: RFC 3339 with an offset, at most millisecond precision.",
            },
            ["payload"] = new OpenApiSchemaReference(payload, document),
        },
    };
}
