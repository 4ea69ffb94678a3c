using Ledger.Core.Records.Types.CommunityCorrection.Compliance;

namespace Ledger.Core.Records.Types.CommunityCorrection.Evidence;

/// <summary>A compliance alert as an evidence package writes it (alerts.json), and as its checker recomputes it.</summary>
/// <param name="Kind">The alert's kind (<see cref="AlertKinds"/>).</param>
/// <param name="Date">Its day, yyyy-MM-dd.</param>
/// <param name="SlotFrom">For a scheduled duty, the slot's first day; else null.</param>
/// <param name="SlotTo">For a scheduled duty, the slot's last day; else null.</param>
/// <param name="Detail">Why, in one sentence.</param>
/// <param name="Records">The record hashes that prove it.</param>
public sealed record EvidenceAlert(string Kind, string Date, string? SlotFrom, string? SlotTo, string Detail, IReadOnlyList<string> Records)
{
    /// <summary>The alert as the package writes it.</summary>
    public static EvidenceAlert From(ComplianceAlert alert) => new(
        alert.Kind, CorrectionCalendar.Format(alert.Date),
        alert.SlotFrom is { } from ? CorrectionCalendar.Format(from) : null,
        alert.SlotTo is { } to ? CorrectionCalendar.Format(to) : null,
        alert.Detail, alert.Records);

    /// <summary>Equal alerts, the records compared by value and in order.</summary>
    public bool Equals(EvidenceAlert? other) =>
        other is not null && Kind == other.Kind && Date == other.Date && SlotFrom == other.SlotFrom && SlotTo == other.SlotTo
        && Detail == other.Detail && Records.SequenceEqual(other.Records);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Date, Detail, Records.Count);
}
