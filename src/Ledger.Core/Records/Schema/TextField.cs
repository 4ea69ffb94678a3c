using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ledger.Core.Canonical;

namespace Ledger.Core.Records.Schema;

/// <summary>A text field of at most MaxLength Unicode characters, without control characters or surrounding spaces, optionally matching a pattern.</summary>
public sealed record TextField(string Name, bool Required, string Description, int MaxLength) : FieldSpec(Name, Required, Description)
{
    /// <summary>Shortest accepted value in Unicode characters; 1 unless set.</summary>
    public int MinLength { get; init; } = 1;

    /// <summary>Whether line breaks are allowed (free-text notes).</summary>
    public bool Multiline { get; init; }

    /// <summary>A pattern the whole value must match, if any.</summary>
    public Regex? Pattern { get; init; }

    /// <summary>The pattern in words, shown in errors and docs.</summary>
    public string? PatternHint { get; init; }

    /// <summary>An extra check that returns a problem or null, e.g. refusing values that look like ID numbers.</summary>
    public Func<string, string?>? Screen { get; init; }

    /// <inheritdoc />
    public override string Shape => $"text, {MinLength}–{MaxLength} characters" + (PatternHint is null ? string.Empty : $"; {PatternHint}");

    internal override void Check(JsonNode value, string path, List<PayloadError> errors)
    {
        var text = PayloadValidator.ReadString(value, out var problem);
        problem ??= Problem(text!);
        if (problem is not null)
        {
            errors.Add(new PayloadError(path, problem));
        }
    }

    private string? Problem(string text)
    {
        if (Utf16.IndexOfLoneSurrogate(text) >= 0)
        {
            return "is not valid Unicode";
        }
        var length = text.EnumerateRunes().Count();
        if (length < MinLength || length > MaxLength)
        {
            return $"must be {MinLength} to {MaxLength} characters long";
        }
        if (text.Any(c => char.IsControl(c) && !(Multiline && c is '\n' or '\t')))
        {
            return Multiline ? "must not contain control characters other than line breaks and tabs" : "must be a single line without control characters";
        }
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            // Spaces are hashed like any other character; "pass " and "pass" would be two different records.
            return "must not start or end with whitespace";
        }
        if (Screen?.Invoke(text) is { } screened)
        {
            return screened;
        }
        if (Pattern is not null && !Pattern.IsMatch(text))
        {
            return $"must be {PatternHint ?? "in the expected format"}";
        }
        return null;
    }
}
