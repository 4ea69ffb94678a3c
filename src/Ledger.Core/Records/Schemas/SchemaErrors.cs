using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Ledger.Core.Records.Schemas;

/// <summary>
/// Turns JsonSchema.Net's evaluation results into the ledger's errors: one per field, named by its path, in the
/// ledger's own words. JsonSchema.Net's messages are generic ("Value should be at least 3 characters"), so each error
/// is described again from its keyword, the subschema at its instance location and the value found there. A schema
/// may word one keyword's error itself with <c>"errorMessage": { "pattern": "must be …" }</c> (the ajv-errors
/// convention). Where a field breaks several keywords, the one checked first below is reported, as a person would fix
/// them: type, then allowed values, length, format, pattern, bounds, precision, counts.
/// </summary>
internal static class SchemaErrors
{
    /// <summary>The keywords this translator words itself, most fundamental first; record type schemas use no others that assert.</summary>
    public static IReadOnlyList<string> Keywords => Ranked;

    private static readonly string[] Ranked =
    [
        "required", "additionalProperties", "type", "const", "enum", "minLength", "maxLength", "format", "pattern",
        "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems",
    ];

    private const string NullMessage = "must not be null; leave an optional field out instead";

    public static IReadOnlyList<PayloadError> Translate(EvaluationResults results, JsonObject schema, JsonElement instance)
    {
        var found = new Dictionary<string, (int Rank, string Message)>(StringComparer.Ordinal);
        foreach (var node in Flatten(results))
        {
            if (node.Errors is null)
            {
                continue;
            }
            var location = FieldPath.FromPointer(node.InstanceLocation.ToString(), instance);
            foreach (var (keyword, libraryMessage) in node.Errors)
            {
                foreach (var (path, message) in Describe(keyword, libraryMessage, node.EvaluationPath.ToString(), location, schema, instance))
                {
                    var rank = Rank(keyword, node.EvaluationPath.ToString());
                    if (!found.TryGetValue(path, out var existing) || rank < existing.Rank)
                    {
                        found[path] = (rank, message);
                    }
                }
            }
        }
        return [.. found.Select(e => new PayloadError(e.Key, e.Value.Message))];
    }

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults results)
    {
        yield return results;
        foreach (var detail in results.Details ?? [])
        {
            foreach (var nested in Flatten(detail))
            {
                yield return nested;
            }
        }
    }

    private static int Rank(string keyword, string evaluationPath) =>
        IsUnknownField(keyword, evaluationPath) ? -1 : Array.IndexOf(Ranked, keyword) is var i and >= 0 ? i : Ranked.Length;

    // additionalProperties: false evaluates each extra property against the false schema, which fails without a keyword.
    private static bool IsUnknownField(string keyword, string evaluationPath) =>
        keyword.Length == 0 && evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal);

    private static IEnumerable<(string Path, string Message)> Describe(
        string keyword, string libraryMessage, string evaluationPath, FieldPath location, JsonObject schema, JsonElement instance)
    {
        var value = ValueAt(instance, location);
        if (IsUnknownField(keyword, evaluationPath))
        {
            var expected = SchemaAt(schema, location.Parent)?["properties"] as JsonObject;
            yield return (location.ToString(), $"is not a known field; expected {string.Join(", ", expected?.Select(p => p.Key) ?? [])}");
            yield break;
        }
        var subschema = SchemaAt(schema, location);
        if (keyword == "required")
        {
            foreach (var name in (subschema?["required"] as JsonArray ?? []).Select(n => n!.GetValue<string>()))
            {
                if (value is { ValueKind: JsonValueKind.Object } obj && !obj.TryGetProperty(name, out _))
                {
                    yield return (location.Child(name).ToString(), "is required");
                }
            }
            yield break;
        }
        if (subschema?["errorMessage"]?[keyword] is JsonValue custom && custom.TryGetValue<string>(out var worded))
        {
            yield return (location.ToString(), worded);
            yield break;
        }
        yield return (location.ToString(), Message(keyword, libraryMessage, subschema, value));
    }

    private static string Message(string keyword, string libraryMessage, JsonObject? subschema, JsonElement? value)
    {
        if (value is { ValueKind: JsonValueKind.Null } && keyword is "type" or "enum" or "const")
        {
            return NullMessage;
        }
        string Number(string name) => subschema?[name]?.ToJsonString() ?? "?";
        return keyword switch
        {
            "type" => TypeMessage(subschema?["type"], value),
            "const" => $"must be {subschema?["const"]?.ToJsonString()}",
            "enum" => $"must be one of: {string.Join(", ", (subschema?["enum"] as JsonArray ?? []).Select(Text))}",
            "minLength" or "maxLength" => Range(subschema?["minLength"], subschema?["maxLength"], "characters long"),
            "minItems" or "maxItems" => Range(subschema?["minItems"], subschema?["maxItems"], "entries", verb: "hold"),
            "minimum" => $"must be at least {Number("minimum")}",
            "exclusiveMinimum" => $"must be greater than {Number("exclusiveMinimum")}",
            "maximum" => $"must be at most {Number("maximum")}",
            "exclusiveMaximum" => $"must be less than {Number("exclusiveMaximum")}",
            "multipleOf" => MultipleOfMessage(subschema?["multipleOf"]),
            "pattern" => $"must match the pattern {subschema?["pattern"]}",
            // Our formats word their own problems (LedgerFormats); the library passes the words through.
            _ => libraryMessage,
        };
    }

    private static string TypeMessage(JsonNode? type, JsonElement? value) => type?.GetValueKind() == JsonValueKind.String
        ? type.GetValue<string>() switch
        {
            "string" => "must be a JSON string",
            "number" => "must be a JSON number",
            "integer" => value is { ValueKind: JsonValueKind.Number } ? "must be a whole number" : "must be a JSON number",
            "object" => "must be a JSON object",
            "array" => "must be a JSON array",
            "boolean" => "must be true or false",
            var other => $"must be a JSON {other}",
        }
        : $"must be one of the JSON types {type?.ToJsonString()}";

    private static string Range(JsonNode? min, JsonNode? max, string unit, string verb = "be")
    {
        if (max is null)
        {
            return $"must {verb} at least {min?.ToJsonString()} {unit}";
        }
        return min is null ? $"must {verb} at most {max.ToJsonString()} {unit}" : $"must {verb} {min.ToJsonString()} to {max.ToJsonString()} {unit}";
    }

    // multipleOf 1 is "whole", 0.01 is "two decimal places": how people say it, and how the old field list said it.
    private static string MultipleOfMessage(JsonNode? multipleOf)
    {
        var step = decimal.Parse(multipleOf!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (step == 1)
        {
            return "must be a whole number";
        }
        var places = step.Scale;
        var unit = 1m;
        for (var i = 0; i < places; i++)
        {
            unit /= 10;
        }
        return step == unit ? $"must have at most {places} decimal places" : $"must be a multiple of {multipleOf.ToJsonString()}";
    }

    private static string Text(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "null";

    private static JsonElement? ValueAt(JsonElement instance, FieldPath path)
    {
        var current = instance;
        foreach (var segment in path.Segments)
        {
            if (segment.Index is { } index && current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else if (segment.Index is null && current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment.Name, out var child))
            {
                current = child;
            }
            else
            {
                return null;
            }
        }
        return current;
    }

    /// <summary>
    /// The subschema that applies at <paramref name="path"/>, walking properties, additionalProperties and items
    /// and resolving local <c>$ref</c>s into <c>$defs</c>; null where the schema says nothing.
    /// </summary>
    public static JsonObject? SchemaAt(JsonObject root, FieldPath path)
    {
        var current = Resolve(root, root);
        foreach (var segment in path.Segments)
        {
            var next = segment.Index is null
                ? current?["properties"]?[segment.Name] ?? (current?["additionalProperties"] as JsonObject)
                : current?["items"];
            current = Resolve(next as JsonObject, root);
        }
        return current;
    }

    private static JsonObject? Resolve(JsonObject? schema, JsonObject root)
    {
        for (var hops = 0; schema?["$ref"] is JsonValue reference && hops < 8; hops++)
        {
            var target = reference.GetValue<string>();
            schema = target.StartsWith("#/$defs/", StringComparison.Ordinal) ? root["$defs"]?[target["#/$defs/".Length..]] as JsonObject : null;
        }
        return schema;
    }
}
