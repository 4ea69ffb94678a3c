using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.CommunityCorrection.CaseClosed;

/// <summary>community-correction/case-closed: a case is closed; the last record of its chain.</summary>
public static class CommunityCorrectionCaseClosed
{
    /// <summary>The record type; L4 like every record of a case.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.CommunityCorrection,
        "case-closed",
        DataLevel.HighlySensitive,
        "A community-correction case is closed: its last day of supervision and why.")
    {
        SubjectField = CorrectionPayloads.CaseRef,
        SubmittedBy = [CorrectionRoles.Officer],
        Grants = CorrectionRoles.BureauReads,
        Versions = [new(1, PayloadSchema.Embedded(typeof(CommunityCorrectionCaseClosed), "case-closed.v1.schema.json")) { Chained = true }],
    };
}
