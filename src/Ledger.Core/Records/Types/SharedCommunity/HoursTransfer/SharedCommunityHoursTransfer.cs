using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.HoursTransfer;

/// <summary>
/// shared-community/hours-transfer: the giving half of a transfer of time-bank hours. The service writes it with its
/// receiving half (<c>hours-received</c>, issued by the receiving community) in one transaction, so the two entries
/// always add up to zero.
/// </summary>
public static class SharedCommunityHoursTransfer
{
    /// <summary>The record type; L2 like the time bank. Its stateful rule refuses a transfer the balance does not cover.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "hours-transfer",
        DataLevel.Internal,
        "Time-bank hours a volunteer gives to another volunteer, possibly of another community; never more than the balance.")
    {
        SubjectField = "volunteerRef",
        Grants = CommunityStaff.ServiceWritten,
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityHoursTransfer), "hours-transfer.v1.schema.json")) { Rules = [TimebankHours.MoreThanZero] }],
        StatefulRules = [TimebankBalance.NotNegative],
        Projections = [TimebankBalance.Projection],
    };
}
