using System.Text.RegularExpressions;

namespace Ledger.Core.Records.Schemas.Formats;

/// <summary>
/// The format <c>exact-decimal</c>: an amount or measurement sent as text, so it is hashed exactly as written and no
/// JSON reader rounds it through a double (<c>"12.50"</c>, <c>"-3"</c>, <c>"0.005"</c>). One spelling per value and
/// scale: no exponent, no plus sign, no leading zeros, no negative zero.
/// </summary>
public static partial class ExactDecimal
{
    /// <summary>The format name used in record type schemas.</summary>
    public const string Name = "exact-decimal";

    /// <summary>Most digits a value may have, fraction included: what a SQL <c>decimal(38)</c> holds.</summary>
    public const int MaxDigits = 38;

    /// <summary>What is wrong with <paramref name="text"/> as an exact decimal, or null.</summary>
    public static string? Problem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Shape().IsMatch(text))
        {
            return "must be a decimal number written as text, e.g. \"12.50\" or \"-3\": digits with an optional fraction after a point; no exponent, plus sign or leading zeros";
        }
        if (text.Count(char.IsAsciiDigit) > MaxDigits)
        {
            return $"must have at most {MaxDigits} digits";
        }
        return text.StartsWith('-') && !text.Any(c => c is >= '1' and <= '9')
            ? "must not be negative zero; write it without the minus sign"
            : null;
    }

    [GeneratedRegex("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
