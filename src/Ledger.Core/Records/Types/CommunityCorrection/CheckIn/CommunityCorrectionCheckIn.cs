using System.Text.Json.Nodes;
using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.CommunityCorrection.CheckIn;

/// <summary>community-correction/check-in: one scheduled report of a person under community correction.</summary>
/// <remarks>
/// The person appears only as a case reference. There is deliberately no coordinates field: electronic positioning is
/// limited by Community Correction Law Art. 29, so location data stays in the positioning system; this record only
/// says that a check-in happened, how it went and, from version 2, in which area (an administrative division code).
/// Version 2 check-ins are links of their case's completeness chain.
/// </remarks>
public static class CommunityCorrectionCheckIn
{
    /// <summary>The record type; L4 because whereabouts are sensitive personal information (PIPL Art. 28).</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.CommunityCorrection,
        "check-in",
        DataLevel.HighlySensitive,
        "A scheduled check-in of a person under community correction: how and where (an area code) it was made, and whether it was on time.")
    {
        SubjectField = CorrectionPayloads.CaseRef,
        SubmittedBy = [CorrectionRoles.Officer],
        Grants = CorrectionRoles.BureauReads,
        Versions =
        [
            new(1, PayloadSchema.Embedded(typeof(CommunityCorrectionCheckIn), "check-in.v1.schema.json")),
            new(2, PayloadSchema.Embedded(typeof(CommunityCorrectionCheckIn), "check-in.v2.schema.json"))
            {
                Chained = true,
                Rules = [AreaUnlessMissed],
            },
        ],
    };

    // A check-in that was made happened somewhere; a missed one did not happen anywhere.
    private static PayloadError? AreaUnlessMissed(JsonObject payload) =>
        (payload["outcome"]?.GetValue<string>() == "missed", payload.ContainsKey("areaCode")) switch
        {
            (false, false) => new PayloadError("areaCode", "is required: where the person checked in, as an area code (never coordinates)"),
            (true, true) => new PayloadError("areaCode", "must be left out of a missed check-in, which happened nowhere"),
            _ => null,
        };
}
