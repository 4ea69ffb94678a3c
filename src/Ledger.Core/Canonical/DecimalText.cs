namespace Ledger.Core.Canonical;

/// <summary>
/// An exact decimal value in normal form: <c>±0.Digits × 10^PointPosition</c>, with no leading or trailing zeros in
/// <see cref="Digits"/> (empty for zero). Two numerals denote the same value exactly when their normal forms are equal,
/// however they were written (<c>4.50</c>, <c>45e-1</c>, <c>0.45E1</c>).
/// </summary>
internal readonly record struct DecimalText(bool Negative, string Digits, long PointPosition)
{
    // Exponents beyond this magnitude are clamped: every such value overflows or underflows a double anyway, and
    // clamping keeps the arithmetic on PointPosition far from long overflow.
    private const long ExponentClamp = 1_000_000_000_000_000;

    public bool IsZero => Digits.Length == 0;

    /// <summary>Same value; the sign of zero is ignored because JSON and JCS treat -0 as 0.</summary>
    public bool SameValueAs(DecimalText other) =>
        IsZero ? other.IsZero : Negative == other.Negative && PointPosition == other.PointPosition && Digits == other.Digits;

    /// <summary>Parses an RFC 8259 number literal; false when <paramref name="literal"/> breaks the grammar.</summary>
    public static bool TryParse(ReadOnlySpan<char> literal, out DecimalText value)
    {
        value = default;
        var i = 0;
        var negative = i < literal.Length && literal[i] == '-';
        if (negative)
        {
            i++;
        }
        var intStart = i;
        if (i < literal.Length && literal[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < literal.Length && char.IsAsciiDigit(literal[i]))
            {
                i++;
            }
        }
        var intDigits = literal[intStart..i];
        if (intDigits.Length == 0)
        {
            return false;
        }
        var fracDigits = ReadOnlySpan<char>.Empty;
        if (i < literal.Length && literal[i] == '.')
        {
            var fracStart = ++i;
            while (i < literal.Length && char.IsAsciiDigit(literal[i]))
            {
                i++;
            }
            fracDigits = literal[fracStart..i];
            if (fracDigits.Length == 0)
            {
                return false;
            }
        }
        long exponent = 0;
        if (i < literal.Length && (literal[i] == 'e' || literal[i] == 'E'))
        {
            i++;
            if (!TryReadExponent(literal[i..], out exponent))
            {
                return false;
            }
            i = literal.Length;
        }
        if (i != literal.Length)
        {
            return false;
        }
        value = Normalize(negative, string.Concat(intDigits, fracDigits), intDigits.Length + exponent);
        return true;
    }

    private static bool TryReadExponent(ReadOnlySpan<char> text, out long exponent)
    {
        exponent = 0;
        var sign = 1;
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            sign = text[0] == '-' ? -1 : 1;
            text = text[1..];
        }
        if (text.Length == 0)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            exponent = Math.Min(exponent * 10 + (c - '0'), ExponentClamp);
        }
        exponent *= sign;
        return true;
    }

    private static DecimalText Normalize(bool negative, string digits, long pointPosition)
    {
        var start = 0;
        while (start < digits.Length && digits[start] == '0')
        {
            start++;
            pointPosition--;
        }
        var end = digits.Length;
        while (end > start && digits[end - 1] == '0')
        {
            end--;
        }
        return start == end
            ? new DecimalText(negative, string.Empty, 0)
            : new DecimalText(negative, digits[start..end], pointPosition);
    }
}
