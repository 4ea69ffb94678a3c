using static Ledger.Core.Records.Types.CommunityCorrection.CorrectionCalendar;

namespace Ledger.Core.Records.Types.CommunityCorrection.Compliance;

/// <summary>
/// Duties on a schedule: each slot of the plan's check-in, report and visit cadence that is over must hold at least one
/// such record (a check-in recorded as missed does not count, and is cited); and no run of days without a check-in may
/// reach the plan's limit. The plan in force on a slot's first day decides whether the slot is due.
/// </summary>
internal static class ScheduleAlerts
{
    public static IEnumerable<ComplianceAlert> Of(CaseTimeline t)
    {
        var checkIns = t.OfType("check-in").ToList();
        var made = checkIns.Where(c => !IsMissed(c.Entry)).ToList();
        var madeOn = made.Select(c => c.Day).ToHashSet();
        var markedMissed = checkIns.Where(c => IsMissed(c.Entry)).ToList();
        var reports = t.OfType("report").Select(r => r.Day).ToList();
        var visits = t.OfType("visit").Select(v => v.Day).ToList();
        return
        [
            .. Missed(t, p => p.CheckIn, AlertKinds.MissedCheckIn, "check-in", slot => madeOn.Any(slot.Holds),
                slot => markedMissed.Where(m => slot.Holds(m.Day)).Select(m => m.Entry.RecordHash)),
            .. Missed(t, p => p.Report, AlertKinds.MissedReport, "report", slot => reports.Any(slot.Holds), _ => []),
            .. Missed(t, p => p.Visit, AlertKinds.MissedVisit, "visit", slot => visits.Any(slot.Holds), _ => []),
            .. Silences(t, made),
        ];
    }

    private static bool IsMissed(CaseEntry checkIn) => checkIn.Payload["outcome"]?.GetValue<string>() == "missed";

    private static IEnumerable<ComplianceAlert> Missed(
        CaseTimeline t, Func<SupervisionPlan, Cadence?> cadenceOf, string kind, string duty, Func<Slot, bool> done, Func<Slot, IEnumerable<string>> cited)
    {
        foreach (var cadence in Enum.GetValues<Cadence>())
        {
            foreach (var slot in Slot.Of(cadence, t.Start, t.LastDay).TakeWhile(s => s.To <= t.LastJudgedDay))
            {
                var plan = t.PlanOn(slot.From);
                if (cadenceOf(plan) != cadence || done(slot))
                {
                    continue;
                }
                var when = slot.From == slot.To ? $"on {Format(slot.From)}" : $"from {Format(slot.From)} to {Format(slot.To)}";
                yield return new ComplianceAlert(kind, slot.To, slot.From, slot.To,
                    $"No {duty} {when}, although the plan of record {plan.RecordHash} asks for one {Every(cadence)}.",
                    [plan.RecordHash, .. cited(slot)]);
            }
        }
    }

    private static IEnumerable<ComplianceAlert> Silences(CaseTimeline t, List<(CaseEntry Entry, DateOnly Day)> made)
    {
        DateOnly? runStart = null;
        var raised = false;
        for (var day = t.Start; day <= t.LastJudgedDay; day = day.AddDays(1))
        {
            if (made.Any(c => c.Day == day))
            {
                (runStart, raised) = (null, false);
                continue;
            }
            runStart ??= day;
            var plan = t.PlanOn(day);
            if (raised || DaysIncluding(runStart.Value, day) < plan.MaxDaysWithoutCheckIn)
            {
                continue;
            }
            raised = true;
            var before = runStart.Value;
            var last = made.LastOrDefault(c => c.Day < before);
            yield return new ComplianceAlert(AlertKinds.NoCheckIn, day, runStart, day,
                $"No check-in for {plan.MaxDaysWithoutCheckIn} days in a row, from {Format(before)} to {Format(day)}"
                + (last.Entry is null ? ", none since the period began." : $"; the last was record {last.Entry.RecordHash} on {Format(last.Day)}."),
                last.Entry is null ? [plan.RecordHash] : [plan.RecordHash, last.Entry.RecordHash]);
        }
    }

    private static string Every(Cadence cadence) => cadence switch
    {
        Cadence.Daily => "every day",
        Cadence.Weekly => "every week",
        _ => "every month",
    };
}
