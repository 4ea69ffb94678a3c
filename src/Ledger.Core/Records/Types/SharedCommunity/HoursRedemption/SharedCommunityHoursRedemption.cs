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
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityHoursRedemption), "hours-redemption.v1.schema.json")) { Rules = [TimebankHours.MoreThanZero] }],
        StatefulRules = [TimebankBalance.NotNegative],
        Projections = [TimebankBalance.Projection],
    };
}
