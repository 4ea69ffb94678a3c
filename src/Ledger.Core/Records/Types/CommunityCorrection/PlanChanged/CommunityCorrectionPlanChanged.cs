using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.CommunityCorrection.PlanChanged;

/// <summary>community-correction/plan-changed: the supervision plan of a case changes from a given day.</summary>
public static class CommunityCorrectionPlanChanged
{
    /// <summary>The record type; L4 like every record of a case.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.CommunityCorrection,
        "plan-changed",
        DataLevel.HighlySensitive,
        "A case's supervision plan (check-in, report and visit schedule, permitted areas) changes from a given day.")
    {
        SubjectField = CorrectionPayloads.CaseRef,
        SubmittedBy = [CorrectionRoles.Officer],
        Grants = CorrectionRoles.BureauReads,
        Versions = [new(1, PayloadSchema.Embedded(typeof(CommunityCorrectionPlanChanged), "plan-changed.v1.schema.json")) { Chained = true }],
    };
}
