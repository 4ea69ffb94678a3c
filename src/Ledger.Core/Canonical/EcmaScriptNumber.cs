using System.Globalization;
using System.Text;

namespace Ledger.Core.Canonical;

/// <summary>
/// Serializes a double the way ECMAScript's Number.prototype.toString does (ECMA-262 Number::toString), which is the
/// number format RFC 8785 §3.2.2.3 prescribes.
/// </summary>
internal static class EcmaScriptNumber
{
    /// <summary>The shortest decimal that round-trips to <paramref name="value"/>, in normal form.</summary>
    public static DecimalText ShortestDigits(double value)
    {
        // Since .NET Core 3.0, "R" yields the shortest round-trip digits, choosing the closest when several
        // candidates are equally short: the digit string ECMA-262 asks for. Only its layout (exponent style) differs.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!DecimalText.TryParse(text, out var digits))
        {
            throw new InvalidOperationException("Unexpected round-trip format for a finite double.");
        }
        return digits;
    }

    /// <summary>Formats a finite double; -0 becomes "0".</summary>
    public static string Format(double value) => Format(ShortestDigits(value));

    /// <summary>Lays out shortest digits by the ECMA-262 rules: plain notation for 1e-7 &lt; |x| &lt; 1e21, else exponent.</summary>
    public static string Format(DecimalText shortest)
    {
        if (shortest.IsZero)
        {
            return "0";
        }
        var digits = shortest.Digits;
        var k = digits.Length;
        var n = shortest.PointPosition;
        var text = new StringBuilder(k + 8);
        if (shortest.Negative)
        {
            text.Append('-');
        }
        if (k <= n && n <= 21)
        {
            text.Append(digits).Append('0', (int)(n - k));
        }
        else if (0 < n && n <= 21)
        {
            text.Append(digits, 0, (int)n).Append('.').Append(digits, (int)n, k - (int)n);
        }
        else if (-6 < n && n <= 0)
        {
            text.Append("0.").Append('0', (int)-n).Append(digits);
        }
        else
        {
            var exponent = n - 1;
            text.Append(digits[0]);
            if (k > 1)
            {
                text.Append('.').Append(digits, 1, k - 1);
            }
            text.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
