using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.CommunityCorrection.Report;

/// <summary>community-correction/report: a periodic written report from the person, received by the office.</summary>
public static class CommunityCorrectionReport
{
    /// <summary>The record type; L4 like every record of a case.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.CommunityCorrection,
        "report",
        DataLevel.HighlySensitive,
        "A periodic written report from the person, received by the office.")
    {
        SubjectField = CorrectionPayloads.CaseRef,
        SubmittedBy = [CorrectionRoles.Officer],
        Grants = CorrectionRoles.BureauReads,
        Versions = [new(1, PayloadSchema.Embedded(typeof(CommunityCorrectionReport), "report.v1.schema.json")) { Chained = true }],
    };
}
