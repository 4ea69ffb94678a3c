using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.Fund;

namespace Ledger.Core.Records.Types.SharedCommunity.FundIncome;

/// <summary>shared-community/fund-income: money received by the community fund, public so residents can check it.</summary>
public static class SharedCommunityFundIncome
{
    /// <summary>The record type; L1 because the fund is open to every resident. It names no person, so it has no subject.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "fund-income",
        DataLevel.Public,
        "Money received by the community fund, with the receipt's document hash.")
    {
        SubmittedBy = ["community-worker"],
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityFundIncome), "fund-income.v1.schema.json")) { Rules = [FundAmounts.MoreThanZero] }],
        Projections = [CommunityFund.Projection],
    };
}
