using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.CommunityCorrection.Visit;

/// <summary>community-correction/visit: an officer's visit to the person at home, at work or in the community, and where it took place.</summary>
public static class CommunityCorrectionVisit
{
    /// <summary>The record type; L4 like every record of a case.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.CommunityCorrection,
        "visit",
        DataLevel.HighlySensitive,
        "An officer's visit to the person at home, at work or in the community, and where it took place.")
    {
        SubjectField = CorrectionPayloads.CaseRef,
        SubmittedBy = [CorrectionRoles.Officer],
        Grants = CorrectionRoles.BureauReads,
        Versions = [new(1, PayloadSchema.Embedded(typeof(CommunityCorrectionVisit), "visit.v1.schema.json")) { Chained = true }],
    };
}
