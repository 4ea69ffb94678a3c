using Ledger.Core.Records.Schema;

namespace Ledger.Core.Records.Types;

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
        Fields =
        [
            PseudonymousRef.Field("subjectRef", true, "Case reference the judicial bureau assigned to the person; never a name or ID number."),
            new ChoiceField("method", true, "How the person checked in.", ["in-person", "phone", "app-face", "location"]),
            new ChoiceField("outcome", true, "Whether the check-in was made in its window.", ["on-time", "late", "missed"]),
            PseudonymousRef.Field("officerRef", true, "Reference of the supervising correction officer."),
            new TextField("deviceRef", false, "The app installation or kiosk that captured the check-in, as capture-time evidence.", 64),
            new TextField("note", false, "Officer's note; keep third parties' personal details out of it.", 500) { Multiline = true },
        ],
    };
}
