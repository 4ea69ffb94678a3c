using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ledger.Verification;

/// <summary>
/// Shows untrusted text (a bundle's values, a node's error) in a message: on one line, without characters that could
/// redraw a terminal or reorder text, and short enough to read when the value is huge.
/// </summary>
internal static class ValueText
{
    /// <summary>The most characters of a value a message shows.</summary>
    public const int MaxShown = 80;

    /// <summary>A JSON value as written in the bundle (strings keep their quotes), made printable and shortened.</summary>
    public static string Show(JsonElement value)
    {
        try
        {
            return Shorten(Printable(value.GetRawText()));
        }
        catch (InvalidOperationException)
        {
            // The document parses without checking that strings are valid UTF-8; reading them finds out.
            return "(a value that is not valid UTF-8)";
        }
    }

    /// <summary>A string value in quotes, made printable and shortened.</summary>
    public static string Quote(string value) => Shorten(Printable("\"" + value + "\""));

    /// <summary>Text from a library or a node, made printable and cut at <paramref name="max"/> characters.</summary>
    public static string Plain(string text, int max = 300) => Shorten(Printable(text), max);

    /// <summary>The whole message on one printable line (values inside it were shortened already).</summary>
    public static string OneLine(string message) => Printable(message);

    private static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c is '\n' or '\r' or '\t' or ' ')
            {
                // JSON whitespace between tokens: keep one space so nested values stay readable.
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (IsUnsafe(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    // Control characters move the cursor; format characters (bidi overrides, zero-width) make text read differently
    // from what it is; lone surrogates are not text at all.
    private static bool IsUnsafe(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse;

    private static string Shorten(string text, int max = MaxShown)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Create(CultureInfo.InvariantCulture, $"{text[..cut]}… ({text.Length} characters)");
    }
}
