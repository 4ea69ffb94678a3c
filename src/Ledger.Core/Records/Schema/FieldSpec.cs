using System.Text.Json.Nodes;

namespace Ledger.Core.Records.Schema;

/// <summary>One payload field: its JSON name, whether it must be present, what it means, and which values it accepts.</summary>
/// <param name="Name">The JSON property name.</param>
/// <param name="Required">Whether the field must be present; optional fields are left out, never sent as null.</param>
/// <param name="Description">What the field means, for API docs.</param>
public abstract record FieldSpec(string Name, bool Required, string Description)
{
    /// <summary>The accepted values in a few words for API docs, e.g. "text, 1–200 characters".</summary>
    public abstract string Shape { get; }

    /// <summary>Adds an error for each problem with a present, non-null value found at <paramref name="path"/>.</summary>
    internal abstract void Check(JsonNode value, string path, List<PayloadError> errors);
}
