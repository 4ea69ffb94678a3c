using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.CommunityCorrection.CaseOpened;

/// <summary>
/// community-correction/case-opened: a case is opened for a pseudonymous case reference in the officer's jurisdiction,
/// with its correction type, period and supervision plan. The first record of the case's completeness chain.
/// </summary>
public static class CommunityCorrectionCaseOpened
{
    /// <summary>The record type; L4 like every record of a case.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.CommunityCorrection,
        "case-opened",
        DataLevel.HighlySensitive,
        "A community-correction case is opened: correction type, period, supervision plan and whether the person is a minor.")
    {
        SubjectField = CorrectionPayloads.CaseRef,
        SubmittedBy = [CorrectionRoles.Officer],
        Grants = CorrectionRoles.BureauReads,
        Versions =
        [
            new(1, PayloadSchema.Embedded(typeof(CommunityCorrectionCaseOpened), "case-opened.v1.schema.json"))
            {
                Chained = true,
                Rules = [CorrectionPayloads.NotBefore("period.end", "period.start")],
            },
        ],
    };
}
