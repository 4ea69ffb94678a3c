using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.HoursReceived;

/// <summary>
/// shared-community/hours-received: the receiving half of an hours-transfer, issued by the receiving community and
/// written in the same transaction as the giving half, whose record hash it names.
/// </summary>
public static class SharedCommunityHoursReceived
{
    /// <summary>The record type; L2 like the time bank. Its hours join the receiver's confirmed balance.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "hours-received",
        DataLevel.Internal,
        "Time-bank hours a volunteer received by a transfer; the other half of an hours-transfer record.")
    {
        SubjectField = "volunteerRef",
        Grants = CommunityStaff.ServiceWritten,
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityHoursReceived), "hours-received.v1.schema.json"))],
        Projections = [TimebankBalance.Projection],
    };
}
