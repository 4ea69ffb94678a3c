using System.Text.Json.Nodes;

namespace Ledger.Core.Records.Types.CommunityCorrection.Compliance;

/// <summary>
/// A case read for one evaluation: its period as far as it can be judged on <c>asOf</c>, the plans in force over it,
/// and its standing records made before <c>asOf</c>, each with its local day. Records that were revoked or corrected,
/// and records dated after <c>asOf</c>, are left out: the engine judges what was known then.
/// </summary>
internal sealed class CaseTimeline
{
    private CaseTimeline(CaseFile file, DateOnly start, DateOnly lastDay, DateOnly lastJudgedDay, IReadOnlyList<SupervisionPlan> plans, IReadOnlyList<CaseEntry> records)
    {
        File = file;
        Start = start;
        LastDay = lastDay;
        LastJudgedDay = lastJudgedDay;
        Plans = plans;
        Records = records;
    }

    public CaseFile File { get; }

    /// <summary>The period's first day.</summary>
    public DateOnly Start { get; }

    /// <summary>The period's last day, or the case's closing day when it closed earlier.</summary>
    public DateOnly LastDay { get; }

    /// <summary>The last day that is over by <c>asOf</c> and within the period: duties up to it are judged.</summary>
    public DateOnly LastJudgedDay { get; }

    /// <summary>The plans, earliest first; the first is the case-opened record's.</summary>
    public IReadOnlyList<SupervisionPlan> Plans { get; }

    /// <summary>Standing records made before <c>asOf</c>, in chain order.</summary>
    public IReadOnlyList<CaseEntry> Records { get; }

    /// <summary>The case as it stood at <paramref name="asOf"/>; null when it has no standing case-opened record.</summary>
    public static CaseTimeline? Of(CaseFile file, DateTimeOffset asOf)
    {
        var records = file.Records.Where(r => r.Stands && r.OccurredAt < asOf).ToList();
        if (records.FirstOrDefault(r => r.Type == "case-opened") is not { } opened)
        {
            return null;
        }
        var start = DateOf(opened.Payload, "period.start");
        var lastDay = DateOf(opened.Payload, "period.end");
        foreach (var closed in records.Where(r => r.Type == "case-closed"))
        {
            var closedOn = DateOf(closed.Payload, "closedOn");
            lastDay = closedOn < lastDay ? closedOn : lastDay;
        }
        var yesterday = CorrectionCalendar.DayOf(asOf).AddDays(-1);
        var plans = records.Where(r => r.Type == "plan-changed")
            .Select(r => SupervisionPlan.Read(r.Payload["plan"]!.AsObject(), DateOf(r.Payload, "effectiveFrom"), r.RecordHash))
            .Prepend(SupervisionPlan.Read(opened.Payload["plan"]!.AsObject(), start, opened.RecordHash))
            // Stable: of two plans for one day, the later record wins.
            .OrderBy(p => p.EffectiveFrom)
            .ToList();
        return new CaseTimeline(file, start, lastDay, yesterday < lastDay ? yesterday : lastDay, plans, records);
    }

    /// <summary>The plan in force on <paramref name="day"/>.</summary>
    public SupervisionPlan PlanOn(DateOnly day) => Plans.LastOrDefault(p => p.EffectiveFrom <= day) ?? Plans[0];

    /// <summary>The standing records of a type, with their local day.</summary>
    public IEnumerable<(CaseEntry Entry, DateOnly Day)> OfType(string type) =>
        Records.Where(r => r.Type == type).Select(r => (r, CorrectionCalendar.DayOf(r.OccurredAt)));

    /// <summary>Whether <paramref name="day"/> lies in the period as far as it runs.</summary>
    public bool InPeriod(DateOnly day) => Start <= day && day <= LastDay;

    /// <summary>A calendar date of a payload (valid under its schema).</summary>
    public static DateOnly DateOf(JsonObject payload, string path) => CorrectionPayloads.DateAt(payload, path)!.Value;
}
