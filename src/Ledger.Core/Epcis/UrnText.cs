using System.Buffers;
using System.Text;

namespace Ledger.Core.Epcis;

/// <summary>
/// The text of a serial, lot or reference inside an EPC URN (Tag Data Standard's GS1_AI_encodable characters, with
/// <c>%xx</c> escapes) and how it is written in a Digital Link path.
/// </summary>
internal static class UrnText
{
    private static readonly SearchValues<char> Plain = SearchValues.Create("!'()*+,-.0123456789:;=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    /// <summary>Whether <paramref name="text"/> is 1 to <paramref name="max"/> URN characters (an escape counts as one).</summary>
    public static bool IsValid(string text, int max)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++, count++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }
                i += 2;
            }
            else if (!Plain.Contains(text[i]))
            {
                return false;
            }
        }
        return count >= 1 && count <= max;
    }

    /// <summary>
    /// Why <paramref name="text"/> is not valid (<see cref="IsValid"/>), in words a sender can act on, or null when it is.
    /// </summary>
    public static string? Problem(string text, int max)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++, count++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return "holds a % that is not followed by two hexadecimal digits";
                }
                i += 2;
            }
            else if (!Plain.Contains(text[i]))
            {
                return $"holds '{text[i]}', which must be percent-encoded; unencoded it may hold only letters, digits and ! ' ( ) * + , - . : ; = _";
            }
        }
        return count == 0 ? "is empty"
            : count > max ? $"is {count} characters long; it may be at most {max} (an escape such as %2F counts as one)"
            : null;
    }

    /// <summary>
    /// The Digital Link spelling: escapes stay as they are; the characters Digital Link reserves in a path segment
    /// (<c>! ( ) * + , :</c>) that a URN may carry bare are percent-encoded.
    /// </summary>
    public static string ToDigitalLink(string text)
    {
        if (text.AsSpan().IndexOfAny("!()*+,:") < 0)
        {
            return text;
        }
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '!' or '(' or ')' or '*' or '+' or ',' or ':' => result.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)),
                _ => result.Append(c),
            };
        }
        return result.ToString();
    }
}
