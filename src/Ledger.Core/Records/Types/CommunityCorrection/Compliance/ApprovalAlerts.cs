using Ledger.Core.Records.Types.CommunityCorrection.LeaveApproval;
using Ledger.Core.Records.Types.CommunityCorrection.PositioningApproval;
using static Ledger.Core.Records.Types.CommunityCorrection.CorrectionCalendar;

namespace Ledger.Core.Records.Types.CommunityCorrection.Compliance;

/// <summary>
/// The approvals themselves: a positioning approval that ran out while the case goes on and was not renewed the next
/// day; one for longer than the law allows; a leave approved beyond its approver's power. The ledger refuses the last
/// two today, so they can only come from records made before the rules or around them — which is why they are checked.
/// </summary>
internal static class ApprovalAlerts
{
    public static IEnumerable<ComplianceAlert> Of(CaseTimeline t)
    {
        var positioning = t.OfType("positioning-approval").Select(a => a.Entry).ToList();
        foreach (var approval in positioning)
        {
            var start = CaseTimeline.DateOf(approval.Payload, "start");
            var end = CaseTimeline.DateOf(approval.Payload, "end");
            if (!CommunityCorrectionPositioningApproval.IsWithinLimit(approval.Payload))
            {
                yield return new ComplianceAlert(AlertKinds.PositioningOverLimit, start, null, null,
                    $"Positioning approval {approval.RecordHash} runs from {Format(start)} to {Format(end)}, beyond the three months Art. 29 allows (until {Format(CommunityCorrectionPositioningApproval.LatestEnd(start))}).",
                    [approval.RecordHash]);
                continue;
            }
            if (end == DateOnly.MaxValue)
            {
                continue;
            }
            var dayAfter = end.AddDays(1);
            var renewed = positioning.Any(other => CaseTimeline.DateOf(other.Payload, "start") <= dayAfter && dayAfter <= CaseTimeline.DateOf(other.Payload, "end"));
            if (!renewed && dayAfter <= t.LastJudgedDay && t.InPeriod(dayAfter))
            {
                yield return new ComplianceAlert(AlertKinds.PositioningApprovalExpired, dayAfter, null, null,
                    $"Positioning approval {approval.RecordHash} ended on {Format(end)} and no renewal took over: positioning must stop, or be approved again.",
                    [approval.RecordHash]);
            }
        }
        foreach (var (leave, _) in t.OfType("leave-approval"))
        {
            if (!CommunityCorrectionLeaveApproval.IsWithinApproversPower(leave.Payload))
            {
                var from = CaseTimeline.DateOf(leave.Payload, "from");
                yield return new ComplianceAlert(AlertKinds.ApprovalNotEntitled, from, null, null,
                    $"Leave approval {leave.RecordHash} grants {CommunityCorrectionLeaveApproval.DaysOf(leave.Payload)} days at office level; only the county-level judicial bureau approves more than {CommunityCorrectionLeaveApproval.OfficeMaxDays}, so it covers nothing.",
                    [leave.RecordHash]);
            }
        }
    }
}
