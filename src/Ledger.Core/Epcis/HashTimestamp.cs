using System.Globalization;

namespace Ledger.Core.Epcis;

/// <summary>
/// Timestamps in a pre-hash string: UTC, written <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>. More than three decimals are
/// rounded on the fourth (5–9 rounds up, CBV 2.0: <c>.1415</c> → <c>.142</c>), carrying into the seconds when needed.
/// </summary>
internal static class HashTimestamp
{
    /// <summary>The canonical text of an <c>xsd:dateTimeStamp</c>, or null when <paramref name="text"/> is not one.</summary>
    public static string? TryCanonical(string text)
    {
        var span = text.AsSpan();
        var fraction = span.IndexOf('.');
        var zone = span.LastIndexOfAny('Z', '+', '-');
        if (zone < 19 || span.Length < 20)
        {
            return null;
        }
        var whole = fraction > 0 && fraction < zone ? span[..fraction] : span[..zone];
        if (whole.Length != 19 || !DateTime.TryParseExact(whole, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        var offset = TimeSpan.Zero;
        if (span[zone] != 'Z')
        {
            if (!TimeSpan.TryParseExact(span[(zone + 1)..], "hh\\:mm", CultureInfo.InvariantCulture, out offset))
            {
                return null;
            }
            offset = span[zone] == '-' ? -offset : offset;
        }
        else if (zone != span.Length - 1)
        {
            return null;
        }
        var milliseconds = 0;
        if (fraction > 0 && fraction < zone)
        {
            var digits = span[(fraction + 1)..zone];
            if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
            {
                return null;
            }
            for (var i = 0; i < 3; i++)
            {
                milliseconds = (milliseconds * 10) + (i < digits.Length ? digits[i] - '0' : 0);
            }
            if (digits.Length > 3 && digits[3] >= '5')
            {
                milliseconds++;
            }
        }
        var utc = local.AddMilliseconds(milliseconds) - offset;
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
