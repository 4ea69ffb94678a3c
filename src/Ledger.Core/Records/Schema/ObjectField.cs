using System.Text.Json.Nodes;

namespace Ledger.Core.Records.Schema;

/// <summary>A nested JSON object with its own field list (unknown fields refused there too).</summary>
public sealed record ObjectField(string Name, bool Required, string Description, IReadOnlyList<FieldSpec> Fields)
    : FieldSpec(Name, Required, Description)
{
    /// <inheritdoc />
    public override string Shape => $"object with {string.Join(", ", Fields.Select(f => f.Name))}";

    internal override void Check(JsonNode value, string path, List<PayloadError> errors)
    {
        if (value is JsonObject obj)
        {
            PayloadValidator.ValidateObject(obj, Fields, path, errors);
        }
        else
        {
            errors.Add(new PayloadError(path, "must be a JSON object"));
        }
    }
}
