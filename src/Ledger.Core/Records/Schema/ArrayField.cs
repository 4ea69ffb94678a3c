using System.Text.Json.Nodes;

namespace Ledger.Core.Records.Schema;

/// <summary>A JSON array of at most MaxItems objects that all follow one field list.</summary>
public sealed record ArrayField(string Name, bool Required, string Description, IReadOnlyList<FieldSpec> ItemFields, int MaxItems)
    : FieldSpec(Name, Required, Description)
{
    /// <summary>Fewest entries accepted when the field is present; 1 unless set (leave the field out instead of sending []).</summary>
    public int MinItems { get; init; } = 1;

    /// <inheritdoc />
    public override string Shape => $"array of {MinItems}–{MaxItems} objects with {string.Join(", ", ItemFields.Select(f => f.Name))}";

    internal override void Check(JsonNode value, string path, List<PayloadError> errors)
    {
        if (value is not JsonArray array)
        {
            errors.Add(new PayloadError(path, "must be a JSON array"));
            return;
        }
        if (array.Count < MinItems || array.Count > MaxItems)
        {
            errors.Add(new PayloadError(path, $"must hold {MinItems} to {MaxItems} entries"));
            return;
        }
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject item)
            {
                PayloadValidator.ValidateObject(item, ItemFields, $"{path}[{i}]", errors);
            }
            else
            {
                errors.Add(new PayloadError($"{path}[{i}]", "must be a JSON object"));
            }
        }
    }
}
