using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.Objection;

/// <summary>
/// shared-community/objection: a resident objects to a published entry (fund, hours, decision) within the objection
/// window; the entry's public page shows it, and later its resolution.
/// </summary>
public static class SharedCommunityObjection
{
    /// <summary>The record type; L1 so every resident sees that an entry is disputed. The service writes it.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "objection",
        DataLevel.Public,
        "A resident's objection to a published community entry, within the objection window.")
    {
        Grants = CommunityStaff.ServiceWritten,
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityObjection), "objection.v1.schema.json"))],
    };
}
