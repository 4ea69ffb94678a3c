using System.Text.Json.Nodes;
using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.FoodSafety.Inspection;

/// <summary>food-safety/inspection: a market supervision inspection or rapid test of one product lot at one business.</summary>
/// <remarks>
/// Version 2 checks the check character of the business's credit code; version 1 checked only its characters, and
/// records written under it (the worked example of docs/proof-format.md among them) keep that schema. Version 3 adds an
/// optional GS1 lot (<c>lotEpc</c>), so a failed inspection flags its lot in traces as a failed rapid test does.
/// </remarks>
public static class FoodSafetyInspection
{
    /// <summary>The record type; L1 because results are published to buyers through the QR code.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.FoodSafety,
        "inspection",
        DataLevel.Public,
        "Result of a food safety inspection or rapid test of one product lot at one business, published to buyers.")
    {
        SubmittedBy = ["inspector"],
        Projections = [FoodLotResults.Projection],
        Versions =
        [
            new(1, PayloadSchema.Embedded(typeof(FoodSafetyInspection), "inspection.v1.schema.json")) { Rules = [PassMeansNoFailedItem] },
            new(2, PayloadSchema.Embedded(typeof(FoodSafetyInspection), "inspection.v2.schema.json")) { Rules = [PassMeansNoFailedItem] },
            new(3, PayloadSchema.Embedded(typeof(FoodSafetyInspection), "inspection.v3.schema.json")) { Rules = [PassMeansNoFailedItem, LotEpcRule.IsAGs1Lot] },
        ],
    };

    private static PayloadError? PassMeansNoFailedItem(JsonObject payload)
    {
        if (payload["result"]?.GetValue<string>() != "pass" || payload["items"] is not JsonArray items)
        {
            return null;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i]?["result"]?.GetValue<string>() is "fail" or "pending-lab")
            {
                return new PayloadError("result", $"is pass, but items[{i}] is not; an overall pass needs every item to pass");
            }
        }
        return null;
    }
}
