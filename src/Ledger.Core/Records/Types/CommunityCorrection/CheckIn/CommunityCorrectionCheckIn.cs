using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.CommunityCorrection.CheckIn;

/// <summary>community-correction/check-in: one scheduled report of a person under community correction.</summary>
/// <remarks>
/// The person appears only as a case reference. There is deliberately no coordinates field: electronic positioning is
/// limited by Community Correction Law Art. 29, so location data stays in the positioning system; this record only
/// says that a location check-in happened and how it went.
/// </remarks>
public static class CommunityCorrectionCheckIn
{
    /// <summary>The record type; L4 because whereabouts are sensitive personal information (PIPL Art. 28).</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.CommunityCorrection,
        "check-in",
        DataLevel.HighlySensitive,
        "A scheduled check-in of a person under community correction: how it was made and whether it was on time.")
    {
        SubjectField = "subjectRef",
        SubmittedBy = ["correction-officer"],
        Versions = [new(1, PayloadSchema.Embedded(typeof(CommunityCorrectionCheckIn), "check-in.v1.schema.json"))],
    };
}
