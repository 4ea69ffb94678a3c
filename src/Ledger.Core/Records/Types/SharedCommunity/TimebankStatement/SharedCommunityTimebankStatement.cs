using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.TimebankStatement;

/// <summary>
/// shared-community/timebank-statement: a community's signed, anchored statement of one volunteer's account — balance,
/// pending hours and a Merkle root over the entries' record hashes — that the volunteer can take to another community,
/// which checks the signature, the hash and the anchor without an account here.
/// </summary>
public static class SharedCommunityTimebankStatement
{
    /// <summary>The record type; L2 like the time bank. The service writes it; the volunteer receives its envelope.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "timebank-statement",
        DataLevel.Internal,
        "A signed statement of one volunteer's time-bank account that another community can verify.")
    {
        SubjectField = "volunteerRef",
        Grants = CommunityStaff.ServiceWritten,
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityTimebankStatement), "timebank-statement.v1.schema.json"))],
    };
}
