using System.Text.Json;

namespace Ledger.Core.Epcis;

/// <summary>One event of a parsed EPCIS document, with its CBV 2.0 hash ID.</summary>
/// <param name="Index">Its position in the document's event list, from 0.</param>
/// <param name="Type">Its event type: <c>ObjectEvent</c>, <c>AggregationEvent</c>, <c>TransactionEvent</c>, <c>TransformationEvent</c> or <c>AssociationEvent</c>.</param>
/// <param name="Json">The event as sent (valid while its <see cref="EpcisDocument"/> is not disposed).</param>
/// <param name="PreHash">The canonical pre-hash string the ID is the SHA-256 of.</param>
/// <param name="HashId">The EPCIS Event Hash ID, <c>ni:///sha-256;…?ver=CBV2.0</c>.</param>
public sealed record EpcisEvent(int Index, string Type, JsonElement Json, string PreHash, string HashId)
{
    /// <summary>Whether the event is an error declaration (it corrects earlier events rather than recording a new one).</summary>
    public bool IsErrorDeclaration => Json.TryGetProperty("errorDeclaration", out _);
}
