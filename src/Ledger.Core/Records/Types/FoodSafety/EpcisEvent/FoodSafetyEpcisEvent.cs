using System.Text.Json.Nodes;
using Ledger.Core.Access;
using Ledger.Core.Epcis;
using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.FoodSafety.EpcisEvent;

/// <summary>
/// food-safety/epcis-event: one GS1 EPCIS 2.0 event. Its record hash is a salted commitment over the event as captured
/// plus its CBV 2.0 event hash ID, so the public can check a private event by its hash, and anyone holding the event can
/// recompute the hash ID.
/// </summary>
/// <remarks>
/// Events come only through <c>POST /epcis/capture</c>, which computes the hash ID and writes the trace index in the
/// same commit; the type therefore has no submit rows and <c>/api/v1/records</c> refuses it. L2: supply-chain events
/// are business data for staff, not the open web.
/// </remarks>
public static class FoodSafetyEpcisEvent
{
    /// <summary>The roles whose keys may capture EPCIS documents.</summary>
    public static IReadOnlyList<string> CapturedBy { get; } = ["food-enterprise", "inspector"];

    /// <summary>The record type.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.FoodSafety,
        "epcis-event",
        DataLevel.Internal,
        "One GS1 EPCIS 2.0 traceability event with its CBV 2.0 event hash ID, captured through /epcis/capture.")
    {
        Grants = [new("inspector", RecordAction.Read, AccessScope.Jurisdiction)],
        Versions = [new(1, PayloadSchema.Embedded(typeof(FoodSafetyEpcisEvent), "epcis-event.v1.schema.json")) { Rules = [TypeMatchesEvent] }],
    };

    private static PayloadError? TypeMatchesEvent(JsonObject payload) =>
        payload["event"]?["type"]?.GetValueKind() is System.Text.Json.JsonValueKind.String
        && payload["event"]!["type"]!.GetValue<string>() == payload["eventType"]?.GetValue<string>()
        && EpcisDocument.EventTypes.Contains(payload["eventType"]!.GetValue<string>())
            ? null
            : new PayloadError("eventType", "must be the event's own type");
}
