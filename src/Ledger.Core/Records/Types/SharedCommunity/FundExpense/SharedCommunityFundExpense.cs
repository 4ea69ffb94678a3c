using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.Fund;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.FundExpense;

/// <summary>
/// shared-community/fund-expense: money paid from the community fund. The service writes it
/// (<c>POST /api/v1/community/fund/expenses</c>) and sets <c>approvalsRequired</c> from the community's dual-approval
/// threshold, so whether it needs approvals is part of the record, not of a setting that may change later.
/// </summary>
public static class SharedCommunityFundExpense
{
    /// <summary>The record type; L1 like the fund. One that needs no approvals counts at once, under the fund rule.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "fund-expense",
        DataLevel.Public,
        "Money paid from the community fund; above the dual-approval threshold it counts once two other staff approve it.")
    {
        Grants = CommunityStaff.ServiceWritten,
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityFundExpense), "fund-expense.v1.schema.json")) { Rules = [FundAmounts.MoreThanZero] }],
        StatefulRules = [CommunityFund.NotNegative],
        Projections = [CommunityFund.Projection],
    };
}
