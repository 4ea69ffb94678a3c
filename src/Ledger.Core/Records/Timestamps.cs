using System.Globalization;
using System.Text.RegularExpressions;

namespace Ledger.Core.Records;

/// <summary>The one timestamp form records carry: RFC 3339 in, UTC with milliseconds out (<c>2024-05-01T00:30:00.000Z</c>).</summary>
public static partial class Timestamps
{
    /// <summary>The normalized layout: UTC, millisecond precision, a literal Z.</summary>
    public const string NormalizedFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>
    /// The earliest accepted instant. Anything before the Unix epoch is far more likely a zero-value default
    /// (0001-01-01) or a typo than a real inspection or check-in.
    /// </summary>
    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest accepted instant: the end of year 9999, the last year a four-digit RFC 3339 year can name.</summary>
    public static readonly DateTimeOffset Latest = new(9999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero);

    /// <summary>
    /// Normalizes an RFC 3339 date-time with an explicit offset (Z or ±hh:mm) to UTC with milliseconds. Rejects a
    /// missing offset (local time is ambiguous), sub-millisecond digits that are not zero (they would be lost),
    /// leap seconds, and instants outside <see cref="Earliest"/>..<see cref="Latest"/>.
    /// </summary>
    public static bool TryNormalize(string? input, out string normalized, out string? error) =>
        TryNormalize(input, out normalized, out _, out error);

    /// <summary>As <see cref="TryNormalize(string?, out string, out string?)"/>, also giving the instant it names.</summary>
    public static bool TryNormalize(string? input, out string normalized, out DateTimeOffset instant, out string? error)
    {
        normalized = string.Empty;
        error = Check(input, out instant);
        if (error is null)
        {
            normalized = Format(instant);
        }
        return error is null;
    }

    /// <summary>Formats an instant in the normalized form, truncating below milliseconds.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(NormalizedFormat, CultureInfo.InvariantCulture);

    private static string? Check(string? input, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrEmpty(input))
        {
            return "the timestamp is empty";
        }
        var match = Rfc3339().Match(input);
        if (!match.Success)
        {
            return "not an RFC 3339 date-time like 2024-05-01T08:30:00+08:00 or 2024-05-01T00:30:00Z";
        }
        if (!match.Groups["offset"].Success)
        {
            return "the timestamp has no UTC offset; local time is ambiguous, so add Z or ±hh:mm (RFC 3339)";
        }
        var fraction = match.Groups["fraction"].Value;
        if (fraction.Length > 3 && fraction.AsSpan(3).ContainsAnyExcept('0'))
        {
            return $"the timestamp has sub-millisecond precision (.{Shorten(fraction)}); records keep milliseconds, so round it";
        }
        if (Number(match, "second") == 60)
        {
            return "leap seconds (:60) cannot be recorded; use :59.999";
        }
        var offset = match.Groups["offset"].Value;
        var offsetHours = offset is "Z" or "z" ? 0 : int.Parse(offset.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var offsetMinutes = offset is "Z" or "z" ? 0 : int.Parse(offset.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (offsetHours > 23 || offsetMinutes > 59)
        {
            return "the UTC offset is out of range (at most ±23:59)";
        }
        var year = Number(match, "year");
        var month = Number(match, "month");
        var day = Number(match, "day");
        var hour = Number(match, "hour");
        var minute = Number(match, "minute");
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || Number(match, "second") > 59)
        {
            return "the timestamp names a date or time that does not exist";
        }
        var millis = fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(3, '0').AsSpan(0, 3), CultureInfo.InvariantCulture);
        var local = new DateTime(year, month, day, hour, minute, Number(match, "second"), millis, DateTimeKind.Unspecified);
        var sign = offset.StartsWith('-') ? -1 : 1;
        var utcTicks = local.Ticks - sign * new TimeSpan(offsetHours, offsetMinutes, 0).Ticks;
        if (utcTicks < Earliest.UtcTicks || utcTicks > Latest.UtcTicks)
        {
            return "the timestamp is outside the accepted range 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z";
        }
        instant = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return null;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static string Shorten(string digits) => digits.Length <= 12 ? digits : digits[..12] + "…";

    // \z, not $, which would also match before a trailing newline.
    // [0-9] rather than \d: \d also matches other scripts' digits, which int.Parse would then reject or misread.
    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[Tt](?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]{1,64}))?(?<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
