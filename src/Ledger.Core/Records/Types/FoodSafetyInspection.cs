using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ledger.Core.Records.Schema;

namespace Ledger.Core.Records.Types;

/// <summary>food-safety/inspection: a market supervision inspection or rapid test of one product lot at one business.</summary>
public static partial class FoodSafetyInspection
{
    /// <summary>The record type; L1 because results are published to buyers through the QR code.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.FoodSafety,
        "inspection",
        DataLevel.Public,
        "Result of a food safety inspection or rapid test of one product lot at one business, published to buyers.")
    {
        Fields =
        [
            new ObjectField("enterprise", true, "The inspected business.",
            [
                new TextField("name", true, "Registered name of the business or market stall.", 200),
                new TextField("creditCode", false, "Unified social credit code of the business (GB 32100), when it has one.", 18)
                {
                    MinLength = 18,
                    Pattern = CreditCode(),
                    PatternHint = "18 digits and capital letters, without I, O, S, V or Z",
                },
            ]),
            new TextField("product", true, "Product name as labelled or sold, e.g. \"fresh pork\".", 200),
            new TextField("lot", true, "Lot or batch number; for unlabelled produce, the stall's own batch reference.", 64),
            new ChoiceField("inspectionKind", true, "Why the product was inspected.", ["routine", "sampling", "rapid-test", "complaint"]),
            new ChoiceField("result", true, "Overall result; pending-lab while samples are at the laboratory.", ["pass", "fail", "pending-lab"]),
            new ArrayField("items", false, "The individual tests, e.g. pesticide residue or clenbuterol.",
            [
                new TextField("name", true, "What was tested, e.g. \"organophosphate pesticide residue\".", 100),
                new TextField("value", false, "The reading as reported: a number or a word such as \"negative\" or \"not detected\".", 64),
                new TextField("unit", false, "Unit of the reading, e.g. \"mg/kg\".", 32),
                new TextField("limit", false, "The applicable limit, e.g. \"≤ 0.05\" (GB 2763).", 64),
                new ChoiceField("result", true, "Result of this test.", ["pass", "fail", "pending-lab"]),
            ], 100),
            new TextField("reportNo", false, "Number of the inspection report or certificate the QR label points to.", 64),
            new TextField("inspectorBadge", false, "Badge number of the inspector; staff identity, not a private person's.", 32),
        ],
        Rules = [PassMeansNoFailedItem],
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

    // GB 32100-2015's character set: digits and capitals except I, O, S, V, Z; characters 3–8 are the region code.
    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CreditCode();
}
