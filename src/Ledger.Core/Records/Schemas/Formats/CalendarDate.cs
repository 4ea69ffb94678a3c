using System.Globalization;

namespace Ledger.Core.Records.Schemas.Formats;

/// <summary>
/// The format <c>calendar-date</c>: a day written <c>yyyy-MM-dd</c> (no time, no zone), from 1970-01-01 to
/// 9999-12-31. Earlier dates are far more likely a zero-value default than a real service day.
/// </summary>
public static class CalendarDate
{
    /// <summary>The format name used in record type schemas.</summary>
    public const string Name = "calendar-date";

    private static readonly DateOnly Earliest = new(1970, 1, 1);

    /// <summary>What is wrong with <paramref name="text"/> as a calendar date, or null.</summary>
    public static string? Problem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != 10
            || !text.All(c => char.IsAsciiDigit(c) || c == '-')
            || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return "must be a calendar date written yyyy-MM-dd";
        }
        return date < Earliest ? "must not be before 1970-01-01" : null;
    }
}
