using System.Globalization;

namespace Ledger.Core.Records.Types.CommunityCorrection;

/// <summary>
/// The calendar community correction is kept in: days and deadlines are China Standard Time (UTC+8, no daylight
/// saving), so a check-in at 07:30 on 2 March in Hangzhou counts for 2 March whatever the server's zone.
/// </summary>
public static class CorrectionCalendar
{
    /// <summary>China Standard Time's offset from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The local day an instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The instant a local day begins.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>A payload's calendar date (yyyy-MM-dd, already checked by its schema).</summary>
    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A day as payloads and alerts write it.</summary>
    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static int DaysIncluding(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber + 1;

    /// <summary><paramref name="day"/> plus <paramref name="days"/>, or the last day a date can name when that lies beyond it.</summary>
    public static DateOnly AddDays(DateOnly day, int days) =>
        day.DayNumber + (long)days > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue : day.AddDays(days);

    /// <summary><paramref name="day"/> plus <paramref name="months"/>, or the last day a date can name when that lies beyond it.</summary>
    public static DateOnly AddMonths(DateOnly day, int months) =>
        (day.Year * 12L) + day.Month - 1 + months > (DateOnly.MaxValue.Year * 12L) + 11 ? DateOnly.MaxValue : day.AddMonths(months);
}
