namespace Ledger.Core.Records.Types.CommunityCorrection.Compliance;

/// <summary>
/// Computes a case's alerts from its anchored records and plan at any instant: missed check-ins, reports and visits
/// per scheduled slot, runs of days without a check-in, check-ins out of area with no covering leave, positioning with
/// no valid approval, approvals that expired, ran over the limit or were issued by someone not entitled. A pure
/// function of the records and <c>asOf</c> (days are China Standard Time, <see cref="CorrectionCalendar"/>), so the
/// same records always give the same alerts, and whoever holds them — a court with an evidence package — can compute
/// them again.
/// </summary>
public static class ComplianceEngine
{
    /// <summary>The alerts of <paramref name="file"/> as it stood at <paramref name="asOf"/>, by day, then kind, then first record.</summary>
    /// <param name="file">The case's records, in chain order.</param>
    /// <param name="asOf">The instant to judge at: duties of days that are over by then, and records made before it.</param>
    public static IReadOnlyList<ComplianceAlert> Evaluate(CaseFile file, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (CaseTimeline.Of(file, asOf) is not { } timeline)
        {
            return [];
        }
        return [.. ScheduleAlerts.Of(timeline)
            .Concat(WhereaboutsAlerts.Of(timeline))
            .Concat(ApprovalAlerts.Of(timeline))
            .OrderBy(a => a.Date)
            .ThenBy(a => AlertKinds.Order(a.Kind))
            .ThenBy(a => a.Records.FirstOrDefault(), StringComparer.Ordinal)];
    }
}
