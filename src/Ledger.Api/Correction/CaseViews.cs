using Ledger.Core.Records;
using Ledger.Core.Records.Chains;
using Ledger.Core.Records.Types.CommunityCorrection;
using Ledger.Core.Records.Types.CommunityCorrection.Compliance;

namespace Ledger.Api.Correction;

/// <summary>Turns a case's records into the answers of the case endpoints.</summary>
internal static class CaseViews
{
    /// <summary>The case as its jurisdiction's staff read it.</summary>
    public static CaseView Of(CaseAccess access, IReadOnlyList<CaseRecord> records, CaseIdentity? identity)
    {
        var c = access.Case;
        var status = c.ErasedAtMs is not null ? "erased" : c.ClosedAtMs is not null ? "closed" : "open";
        return new CaseView(access.CaseRef, status, c.AreaCode, c.OpenedBy, c.Minor,
            DateTimeOffset.FromUnixTimeMilliseconds(c.OpenedAtMs), Time(c.ClosedAtMs), Time(c.ErasedAtMs), identity, Chain(records),
            [.. records.Select(r => new CaseRecordView(r.Link.Sequence, r.Row.Id, r.Row.Type, r.Row.OccurredAt, r.Row.RecordHash, r.Status,
                r.Envelope?[EnvelopeFields.Payload]?.AsObject().DeepClone().AsObject()))]);
    }

    /// <summary>
    /// The service's own check of the chain: each record's payload carries the link its index row holds, and the links
    /// follow each other (<see cref="ChainCheck"/>). An erased record is judged by its index row alone.
    /// </summary>
    public static CaseChainView Chain(IReadOnlyList<CaseRecord> records)
    {
        var problems = new List<string>();
        var chained = new List<ChainedRecord>();
        foreach (var record in records)
        {
            var indexed = new ChainLink(record.Link.Sequence, record.Link.PreviousHash);
            var carried = record.Envelope?[EnvelopeFields.Payload] is System.Text.Json.Nodes.JsonObject payload ? ChainLink.Read(payload, out _) : indexed;
            if (carried != indexed)
            {
                problems.Add($"record {record.Row.RecordHash}: its payload carries link {carried?.Sequence}, the index {indexed.Sequence}");
            }
            chained.Add(new ChainedRecord(record.Row.RecordHash, carried));
        }
        var report = ChainCheck.Check(chained);
        problems.AddRange(report.Problems);
        return new CaseChainView(records.Count, records.Count == 0 ? ChainLink.Genesis : records[^1].Row.RecordHash, problems.Count == 0, problems);
    }

    /// <summary>The alerts of <paramref name="file"/> at <paramref name="asOf"/>, naming the case when listed with others.</summary>
    public static IReadOnlyList<AlertView> Alerts(CaseFile file, DateTimeOffset asOf, bool withCaseRef) =>
        [.. ComplianceEngine.Evaluate(file, asOf).Select(a => View(a, withCaseRef ? file.CaseRef : null))];

    /// <summary>An alert as the API and the evidence package write it.</summary>
    public static AlertView View(ComplianceAlert alert, string? caseRef) => new(
        alert.Kind, CorrectionCalendar.Format(alert.Date),
        alert is { SlotFrom: { } from, SlotTo: { } to } ? new AlertSlot(CorrectionCalendar.Format(from), CorrectionCalendar.Format(to)) : null,
        alert.Detail, alert.Records, caseRef);

    /// <summary>Whether the officer named in the case's latest standing case-opened or plan-changed record is <paramref name="officerRef"/>.</summary>
    public static bool IsSupervisedBy(IReadOnlyList<CaseRecord> records, string officerRef) =>
        records.Where(r => r.Stands && r.Row.Type is CaseTypes.Opened or CaseTypes.PlanChanged)
            .Select(r => r.Envelope?[EnvelopeFields.Payload]?["officerRef"]?.GetValue<string>())
            .LastOrDefault(o => o is not null) == officerRef;

    private static DateTimeOffset? Time(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
