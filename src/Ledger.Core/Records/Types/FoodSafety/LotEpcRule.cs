using System.Text.Json.Nodes;
using Ledger.Core.Epcis;

namespace Ledger.Core.Records.Types.FoodSafety;

/// <summary>
/// The optional <c>lotEpc</c> of a rapid test or an inspection: a GS1 identifier in either spelling (EPC URN or Digital
/// Link URI), so a failed result can flag the lot wherever a trace reaches it.
/// </summary>
internal static class LotEpcRule
{
    /// <summary>Refuses a <c>lotEpc</c> that <see cref="Gs1Identifier"/> does not read.</summary>
    public static PayloadError? IsAGs1Lot(JsonObject payload) =>
        payload["lotEpc"]?.GetValue<string>() is { } text && Gs1Identifier.TryParse(text) is null
            ? new PayloadError("lotEpc", "must be an EPC URN (urn:epc:class:lgtin:…) or a GS1 Digital Link URI (https://id.gs1.org/01/…/10/…)")
            : null;
}
