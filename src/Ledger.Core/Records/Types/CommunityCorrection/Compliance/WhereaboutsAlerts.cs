using Ledger.Core.Records.Schemas.Formats;
using Ledger.Core.Records.Types.CommunityCorrection.LeaveApproval;
using Ledger.Core.Records.Types.CommunityCorrection.PositioningApproval;
using static Ledger.Core.Records.Types.CommunityCorrection.CorrectionCalendar;

namespace Ledger.Core.Records.Types.CommunityCorrection.Compliance;

/// <summary>
/// Where the person was: a check-in outside the plan's permitted areas needs a leave approval (by someone entitled to
/// give it) covering that day and that area (Art. 27); a check-in by location — electronic positioning — needs a
/// positioning approval within the three-month limit covering that day (Art. 29).
/// </summary>
internal static class WhereaboutsAlerts
{
    public static IEnumerable<ComplianceAlert> Of(CaseTimeline t)
    {
        var leaves = t.OfType("leave-approval").Select(l => l.Entry).Where(l => CommunityCorrectionLeaveApproval.IsWithinApproversPower(l.Payload)).ToList();
        var approvals = t.OfType("positioning-approval").Select(a => a.Entry).ToList();
        foreach (var (checkIn, day) in t.OfType("check-in").Where(c => t.InPeriod(c.Day)))
        {
            if (checkIn.Payload["areaCode"]?.GetValue<string>() is { } area && OutOfArea(t, leaves, area, day) is { } outOfArea)
            {
                yield return outOfArea with { Records = [checkIn.RecordHash, .. outOfArea.Records] };
            }
            if (checkIn.Payload["method"]?.GetValue<string>() == "location" && Unapproved(approvals, day) is { } unapproved)
            {
                yield return unapproved with { Records = [checkIn.RecordHash, .. unapproved.Records] };
            }
        }
    }

    private static ComplianceAlert? OutOfArea(CaseTimeline t, List<CaseEntry> leaves, string area, DateOnly day)
    {
        var plan = t.PlanOn(day);
        if (plan.Permits(area) || leaves.Any(l => Covers(l, "from", "to", day) && AreaCode.Contains(l.Payload["destinationArea"]!.GetValue<string>(), area)))
        {
            return null;
        }
        return new ComplianceAlert(AlertKinds.OutOfArea, day, null, null,
            $"A check-in on {Format(day)} in area {area}, outside the areas the plan of record {plan.RecordHash} permits, and no leave approval covers that day and area.",
            [plan.RecordHash]);
    }

    private static ComplianceAlert? Unapproved(List<CaseEntry> approvals, DateOnly day)
    {
        if (approvals.Any(a => Covers(a, "start", "end", day) && CommunityCorrectionPositioningApproval.IsWithinLimit(a.Payload)))
        {
            return null;
        }
        var ended = approvals.Where(a => CaseTimeline.DateOf(a.Payload, "end") < day).LastOrDefault();
        return new ComplianceAlert(AlertKinds.PositioningWithoutApproval, day, null, null,
            ended is null
                ? $"A check-in by electronic positioning on {Format(day)}, and no positioning approval covers that day."
                : $"A check-in by electronic positioning on {Format(day)}, after the positioning approval {ended.RecordHash} ended on {Format(CaseTimeline.DateOf(ended.Payload, "end"))}.",
            ended is null ? [] : [ended.RecordHash]);
    }

    private static bool Covers(CaseEntry approval, string from, string to, DateOnly day) =>
        CaseTimeline.DateOf(approval.Payload, from) <= day && day <= CaseTimeline.DateOf(approval.Payload, to);
}
