namespace Ledger.Core.Records.Schemas.Formats;

/// <summary>
/// The formats <c>single-line</c> and <c>multi-line</c>: free text without control characters (a note may also hold
/// line breaks and tabs) and without whitespace at either end. Spaces are hashed like any other character, so
/// "pass " and "pass" would be two different records; the ledger refuses the first rather than trim it.
/// </summary>
public static class TextLine
{
    /// <summary>The format name for one line of text, e.g. a product name.</summary>
    public const string SingleLine = "single-line";

    /// <summary>The format name for free text that may hold line breaks and tabs, e.g. an officer's note.</summary>
    public const string MultiLine = "multi-line";

    /// <summary>What is wrong with <paramref name="text"/> as text of its kind, or null when nothing is.</summary>
    public static string? Problem(string text, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t')))
        {
            return multiline ? "must not contain control characters other than line breaks and tabs" : "must be a single line without control characters";
        }
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            return "must not start or end with whitespace";
        }
        return null;
    }
}
