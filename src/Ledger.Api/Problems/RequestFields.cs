using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ledger.Api.Problems;

/// <summary>Reads the plain-text fields of small request bodies (erasure, revocation), naming what is wrong with each.</summary>
internal static class RequestFields
{
    /// <summary>
    /// The single-line text of <paramref name="name"/>, or null when it is absent or refused; a refusal is added to
    /// <paramref name="errors"/> under the field's name.
    /// </summary>
    public static string? Text(JsonObject body, string name, int maxLength, bool required, Dictionary<string, string[]> errors)
    {
        var node = body[name];
        if (node is null)
        {
            if (required)
            {
                errors[name] = ["Required."];
            }
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors[name] = [$"Must be a string of 1 to {maxLength} characters."];
            return null;
        }
        var text = node.GetValue<string>();
        var problem = text.Length == 0 ? $"Must not be empty: 1 to {maxLength} characters."
            : text.Length > maxLength ? $"Too long: {text.Length} characters, at most {maxLength}."
            : text.Any(char.IsControl) ? "Must be a single line, without line breaks or other control characters."
            : text.Trim().Length != text.Length ? "Must not start or end with spaces."
            : null;
        if (problem is not null)
        {
            errors[name] = [problem];
            return null;
        }
        return text;
    }
}
