using System.Text.Json.Nodes;
using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.FoodSafety.RapidTest;

/// <summary>food-safety/rapid-test: a market's on-site rapid test of one stall's product lot, shown to buyers.</summary>
/// <remarks>
/// A re-test or an overturned result is a correction (<c>supersedes</c>), a withdrawn result a revocation: the earlier
/// record stays, marked superseded or revoked, so a buyer who scanned the old QR code sees what replaced it.
/// </remarks>
public static class FoodSafetyRapidTest
{
    /// <summary>
    /// The record type; L1 because buyers see every field (nothing in it names a private person: the stall is a
    /// business, the tester a staff number). Inspectors submit it, and so do markets' own rapid-test stations, which
    /// hold food-enterprise keys, each with the standard rows of a type's own staff.
    /// </summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.FoodSafety,
        "rapid-test",
        DataLevel.Public,
        "A market's on-site rapid test of one stall's product lot, published to buyers.")
    {
        SubmittedBy = ["inspector", "food-enterprise"],
        Projections = [FoodLotResults.Projection],
        Versions = [new(1, PayloadSchema.Embedded(typeof(FoodSafetyRapidTest), "rapid-test.v1.schema.json")) { Rules = [DisposalFollowsResult, LotEpcRule.IsAGs1Lot] }],
    };

    private static PayloadError? DisposalFollowsResult(JsonObject payload) =>
        (payload["result"]?.GetValue<string>(), payload["disposal"]) switch
        {
            ("unqualified", null) => new PayloadError("disposal", "is required when result is unqualified: destroyed, withdrawn or retest"),
            ("qualified", not null) => new PayloadError("disposal", "is only for an unqualified result; leave it out when result is qualified"),
            _ => null,
        };
}
