using System.Globalization;

namespace Ledger.Core.Canonical;

/// <summary>
/// Exact decimal arithmetic for amounts the ledger adds up (time-bank hours, fund entries): values are read from their
/// written text through <see cref="DecimalText"/>, never through a double, and refused rather than rounded when
/// <see cref="decimal"/> cannot hold them exactly. Written back in one spelling per value, so a stored sum is canonical.
/// </summary>
public static class ExactDecimals
{
    // decimal holds 28 significant digits exactly at any scale from 0 to 28.
    private const int MaxDigits = 28;

    /// <summary>The exact value of a JSON number literal or exact-decimal text (<c>"2.50"</c>, <c>25e-1</c>).</summary>
    /// <exception cref="FormatException">Not a number, or more digits than can be added up exactly.</exception>
    public static decimal Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!DecimalText.TryParse(text, out var value))
        {
            throw new FormatException("Not a decimal number.");
        }
        // Digits before the point and after it, as the normal form places them; both must fit decimal's exact range.
        var fractionDigits = value.Digits.Length - value.PointPosition;
        if (value.Digits.Length > MaxDigits || value.PointPosition > MaxDigits || fractionDigits > MaxDigits)
        {
            throw new FormatException($"A decimal with more than {MaxDigits} significant digits cannot be added up exactly.");
        }
        return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The value as exact-decimal text with no trailing zeros (<c>7</c>, <c>2.5</c>, <c>-0.25</c>).</summary>
    public static string Format(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);
}
