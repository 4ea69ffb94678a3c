using System.Globalization;
using System.Numerics;

namespace Ledger.Core.Epcis;

/// <summary>
/// Numbers in a pre-hash string: "no trailing zeros, no quotes" (CBV 2.0). The reference implementation reads every
/// value that parses as a binary64 number and writes it back in its shortest form — an integral value as an integer
/// (<c>1.0</c> → <c>1</c>, <c>007</c> → <c>7</c>), any other in the shortest round-trip digits, with an exponent
/// only below 1e-4 (<c>1e-05</c>). We write the same text so that hash IDs agree.
/// </summary>
internal static class HashNumber
{
    /// <summary>The canonical text of <paramref name="text"/> when it is a finite number, else null.</summary>
    public static string? TryCanonical(string text)
    {
        if (!LooksNumeric(text) || !double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            return null;
        }
        if (value == Math.Floor(value))
        {
            return Math.Abs(value) < 9e15 ? ((long)value).ToString(CultureInfo.InvariantCulture) : new BigInteger(value).ToString(CultureInfo.InvariantCulture);
        }
        return Shortest(value);
    }

    // [sign] digits [. digits] [e [sign] digits], or [sign] . digits …; underscores only between digits.
    private static bool LooksNumeric(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }
        var digits = Digits(text, ref i);
        if (i < text.Length && text[i] == '.')
        {
            i++;
            digits += Digits(text, ref i);
        }
        if (digits == 0)
        {
            return false;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }
            if (Digits(text, ref i) == 0)
            {
                return false;
            }
        }
        return i == text.Length;
    }

    private static int Digits(string text, ref int i)
    {
        var count = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '_' && count > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
        {
            count += text[i] == '_' ? 0 : 1;
            i++;
        }
        return count;
    }

    // Shortest round-trip digits, laid out as a Python float repr: plain from 1e-4 up, d.ddde-XX below.
    private static string Shortest(double value)
    {
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e < 0)
        {
            return shortest;
        }
        var mantissa = shortest[..e];
        var exponent = int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (exponent < -4)
        {
            return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }
        // .NET switches to an exponent from 1e15 on; a non-integral double there still prints in full.
        var negative = mantissa.StartsWith('-');
        var digits = mantissa.TrimStart('-').Replace(".", "", StringComparison.Ordinal);
        var point = exponent + 1;
        var plain = point >= digits.Length ? digits.PadRight(point, '0') : digits[..point] + "." + digits[point..];
        return negative ? "-" + plain : plain;
    }
}
