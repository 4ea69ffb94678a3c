using System.Text.Json.Nodes;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.CommunityCorrection.PositioningApproval;

/// <summary>
/// community-correction/positioning-approval: electronic positioning of a person under correction, which Community
/// Correction Law Art. 29 allows only in the situations it lists, with the approval of the county-level judicial
/// bureau, for at most three months at a time — a renewal is a new approval. Positioning data itself stays out of the
/// ledger; the approval, and the check-ins made by location, are what it keeps.
/// </summary>
public static class CommunityCorrectionPositioningApproval
{
    /// <summary>The longest period one approval may cover.</summary>
    public const int MaxMonths = 3;

    /// <summary>The limit's name, as a refusal names it.</summary>
    public const string Limit = "positioning-at-most-3-months";

    /// <summary>The record type; L4 like every record of a case.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.CommunityCorrection,
        "positioning-approval",
        DataLevel.HighlySensitive,
        "Approval of electronic positioning in a situation Art. 29 lists, for at most three months; a renewal is a new approval.")
    {
        SubjectField = CorrectionPayloads.CaseRef,
        SubmittedBy = [CorrectionRoles.BureauApprover],
        Grants = CorrectionRoles.OfficerReads,
        Versions =
        [
            new(1, PayloadSchema.Embedded(typeof(CommunityCorrectionPositioningApproval), "positioning-approval.v1.schema.json"))
            {
                Chained = true,
                Rules = [CorrectionPayloads.NotBefore("end", "start")],
                Limits = [AtMostThreeMonths],
            },
        ],
    };

    /// <summary>The last day an approval starting on <paramref name="start"/> may cover: the day before the same date three months on.</summary>
    public static DateOnly LatestEnd(DateOnly start) =>
        CorrectionCalendar.AddMonths(start, MaxMonths) is var limit && limit == DateOnly.MaxValue ? limit : limit.AddDays(-1);

    /// <summary>Whether the payload's period is within the three months the law allows.</summary>
    public static bool IsWithinLimit(JsonObject payload) =>
        CorrectionPayloads.DateAt(payload, "end")!.Value <= LatestEnd(CorrectionPayloads.DateAt(payload, "start")!.Value);

    private static RuleRefusal? AtMostThreeMonths(JsonObject payload)
    {
        if (IsWithinLimit(payload))
        {
            return null;
        }
        var start = CorrectionPayloads.DateAt(payload, "start")!.Value;
        return new RuleRefusal(Limit, RefusalKind.Unprocessable, "Positioning period too long",
            $"Electronic positioning is approved for at most {MaxMonths} months at a time (Community Correction Law Art. 29): a period starting {CorrectionCalendar.Format(start)} ends on {CorrectionCalendar.Format(LatestEnd(start))} at the latest; approve a renewal as a new record.");
    }
}
