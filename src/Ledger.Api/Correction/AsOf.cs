using System.Globalization;
using Ledger.Api.Problems;
using Ledger.Core.Records;
using Ledger.Core.Records.Schemas.Formats;
using Ledger.Core.Records.Types.CommunityCorrection;

namespace Ledger.Api.Correction;

/// <summary>The <c>asOf</c> query parameter: a day (its start, China Standard Time), an RFC 3339 instant, or now.</summary>
internal static class AsOf
{
    public static DateTimeOffset Parse(string? text, TimeProvider time)
    {
        if (string.IsNullOrEmpty(text))
        {
            return time.GetUtcNow();
        }
        if (CalendarDate.Problem(text) is null)
        {
            return CorrectionCalendar.StartOf(CorrectionCalendar.Parse(text));
        }
        return Timestamps.TryNormalize(text, out var normalized, out _)
            ? DateTimeOffset.Parse(normalized, CultureInfo.InvariantCulture)
            : throw LedgerProblem.InvalidQuery("asOf", "must be a day written yyyy-MM-dd (its start, China Standard Time) or an RFC 3339 instant such as 2026-11-30T08:00:00+08:00.");
    }
}
