using System.Text.Json.Nodes;
using Ledger.Core.Canonical;
using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.HoursRedemption;

/// <summary>shared-community/hours-redemption: a volunteer spends hours from the community time bank.</summary>
public static class SharedCommunityHoursRedemption
{
    /// <summary>
    /// The record type; L2 like the volunteer-service records it spends. Its stateful rule refuses a redemption the
    /// balance does not cover, and its projection takes the hours off the balance.
    /// </summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "hours-redemption",
        DataLevel.Internal,
        "Time-bank hours a volunteer spends on a service; never more than the volunteer's balance.")
    {
        SubjectField = "volunteerRef",
        SubmittedBy = ["community-worker"],
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityHoursRedemption), "hours-redemption.v1.schema.json")) { Rules = [MoreThanZero] }],
        StatefulRules = [TimebankBalance.NotNegative],
        Projections = [TimebankBalance.Projection],
    };

    // The schema's pattern allows "0" and "0.00"; spending nothing is not a redemption.
    private static PayloadError? MoreThanZero(JsonObject payload) =>
        payload["hours"]?.GetValue<string>() is { } hours && ExactDecimals.Parse(hours) <= 0
            ? new PayloadError("hours", "must be greater than 0")
            : null;
}
