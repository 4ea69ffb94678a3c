using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.CommunityCorrection.Warning;

/// <summary>community-correction/warning: an admonition or a warning given to the person for breaching supervision rules.</summary>
public static class CommunityCorrectionWarning
{
    /// <summary>The record type; L4 like every record of a case.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.CommunityCorrection,
        "warning",
        DataLevel.HighlySensitive,
        "An admonition or a warning given to the person for breaching supervision rules.")
    {
        SubjectField = CorrectionPayloads.CaseRef,
        SubmittedBy = [CorrectionRoles.Officer],
        Grants = CorrectionRoles.BureauReads,
        Versions = [new(1, PayloadSchema.Embedded(typeof(CommunityCorrectionWarning), "warning.v1.schema.json")) { Chained = true }],
    };
}
