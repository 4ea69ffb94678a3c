using System.Text.Json.Nodes;

namespace Ledger.Core.Records.Schema;

/// <summary>A text field that takes one of a fixed list of values (compared exactly, case included).</summary>
public sealed record ChoiceField(string Name, bool Required, string Description, IReadOnlyList<string> Values)
    : FieldSpec(Name, Required, Description)
{
    /// <inheritdoc />
    public override string Shape => $"one of {string.Join(" | ", Values)}";

    internal override void Check(JsonNode value, string path, List<PayloadError> errors)
    {
        if (PayloadValidator.ReadString(value, out _) is not { } text || !Values.Contains(text, StringComparer.Ordinal))
        {
            errors.Add(new PayloadError(path, $"must be one of: {string.Join(", ", Values)}"));
        }
    }
}
