using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ledger.Core.Records.Schema;

/// <summary>Checks a JSON object against a field list: required fields present, no nulls, no unknown fields.</summary>
internal static class PayloadValidator
{
    private const int MaxNameInMessage = 32;

    public static void ValidateObject(JsonObject obj, IReadOnlyList<FieldSpec> fields, string prefix, List<PayloadError> errors)
    {
        List<string> names;
        try
        {
            names = [.. obj.Select(p => p.Key)];
        }
        catch (ArgumentException)
        {
            // System.Text.Json materializes parsed objects lazily and only then notices a repeated name.
            errors.Add(new PayloadError(prefix, "has duplicate property names"));
            return;
        }
        foreach (var name in names)
        {
            if (!fields.Any(f => f.Name == name))
            {
                // Unknown fields are refused so a misspelt optional field cannot slip through unnoticed.
                errors.Add(new PayloadError(Join(prefix, Shorten(name)), $"is not a known field; expected {string.Join(", ", fields.Select(f => f.Name))}"));
            }
        }
        foreach (var field in fields)
        {
            var path = Join(prefix, field.Name);
            if (!obj.TryGetPropertyValue(field.Name, out var value))
            {
                if (field.Required)
                {
                    errors.Add(new PayloadError(path, "is required"));
                }
            }
            else if (value is null)
            {
                errors.Add(new PayloadError(path, "must not be null; leave an optional field out instead"));
            }
            else
            {
                field.Check(value, path, errors);
            }
        }
    }

    public static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    /// <summary>The string a node holds, or null with <paramref name="problem"/> saying why there is none.</summary>
    public static string? ReadString(JsonNode node, out string? problem)
    {
        problem = null;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            problem = "must be a JSON string";
            return null;
        }
        try
        {
            if (value.TryGetValue<string>(out var text))
            {
                return text;
            }
        }
        catch (InvalidOperationException)
        {
            // A parsed string holding an escaped lone surrogate cannot be turned into a .NET string.
        }
        problem = "must be a JSON string of valid Unicode";
        return null;
    }

    private static string Shorten(string name) => name.Length <= MaxNameInMessage ? name : name[..MaxNameInMessage] + "…";
}
