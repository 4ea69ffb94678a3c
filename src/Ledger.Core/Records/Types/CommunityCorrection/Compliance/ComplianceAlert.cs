namespace Ledger.Core.Records.Types.CommunityCorrection.Compliance;

/// <summary>
/// Something the supervision of a case calls for: its kind, the day (and for a scheduled duty the slot) it concerns,
/// a sentence saying why, and the hashes of the anchored records that prove it — the plan that set the duty, the
/// check-in that happened out of area, the approval that expired. Computed, never stored: the same records give the
/// same alerts.
/// </summary>
/// <param name="Kind">One of <see cref="AlertKinds"/>.</param>
/// <param name="Date">The day the alert is about (for a missed slot, its last day).</param>
/// <param name="SlotFrom">For a scheduled duty, the slot's first day; else null.</param>
/// <param name="SlotTo">For a scheduled duty, the slot's last day; else null.</param>
/// <param name="Detail">Why, in one sentence a person can act on.</param>
/// <param name="Records">The record hashes that prove it, most telling first.</param>
public sealed record ComplianceAlert(string Kind, DateOnly Date, DateOnly? SlotFrom, DateOnly? SlotTo, string Detail, IReadOnlyList<string> Records)
{
    /// <summary>Equal alerts, the records compared by value and in order.</summary>
    public bool Equals(ComplianceAlert? other) =>
        other is not null && Kind == other.Kind && Date == other.Date && SlotFrom == other.SlotFrom && SlotTo == other.SlotTo
        && Detail == other.Detail && Records.SequenceEqual(other.Records);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Date, SlotFrom, SlotTo, Detail, Records.Count);
}

/// <summary>The kinds of alert the engine raises, and what each means.</summary>
public static class AlertKinds
{
    /// <summary>A scheduled check-in slot passed without a check-in.</summary>
    public const string MissedCheckIn = "missed-check-in";

    /// <summary>A scheduled report slot passed without a report.</summary>
    public const string MissedReport = "missed-report";

    /// <summary>A scheduled visit slot passed without a visit.</summary>
    public const string MissedVisit = "missed-visit";

    /// <summary>The plan's number of days in a row passed without any check-in.</summary>
    public const string NoCheckIn = "no-check-in";

    /// <summary>A check-in outside the permitted areas, on a day no leave approval covers for that area.</summary>
    public const string OutOfArea = "out-of-area";

    /// <summary>A check-in by location (electronic positioning) on a day no valid positioning approval covers.</summary>
    public const string PositioningWithoutApproval = "positioning-without-approval";

    /// <summary>A positioning approval ended and no renewal followed while the case is still open.</summary>
    public const string PositioningApprovalExpired = "positioning-approval-expired";

    /// <summary>A positioning approval for longer than the three months the law allows.</summary>
    public const string PositioningOverLimit = "positioning-over-limit";

    /// <summary>A leave approval issued at a level not entitled to it (the office, for more than seven days).</summary>
    public const string ApprovalNotEntitled = "approval-not-entitled";

    /// <summary>Every kind, in the order alerts of the same day are listed, with what it means.</summary>
    public static IReadOnlyList<(string Kind, string Meaning)> All { get; } =
    [
        (MissedCheckIn, "a scheduled check-in slot passed without a check-in"),
        (MissedReport, "a scheduled report slot passed without a report"),
        (MissedVisit, "a scheduled visit slot passed without a visit"),
        (NoCheckIn, "the plan's number of days in a row passed without any check-in"),
        (OutOfArea, "a check-in outside the permitted areas that no leave approval covers"),
        (PositioningWithoutApproval, "a check-in by electronic positioning on a day no valid positioning approval covers"),
        (PositioningApprovalExpired, "a positioning approval ended, and no renewal followed while the case is open"),
        (PositioningOverLimit, "a positioning approval for longer than three months (Art. 29)"),
        (ApprovalNotEntitled, "a leave approval beyond its approver's power (the office, for more than seven days)"),
    ];

    /// <summary>The listing order of a kind.</summary>
    public static int Order(string kind) => All.Select((k, i) => (k.Kind, i)).First(k => k.Kind == kind).i;
}
