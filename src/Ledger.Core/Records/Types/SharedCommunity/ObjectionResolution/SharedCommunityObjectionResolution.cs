using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.ObjectionResolution;

/// <summary>shared-community/objection-resolution: the committee's answer to an objection, shown beside it.</summary>
public static class SharedCommunityObjectionResolution
{
    /// <summary>The record type; L1 like the objection it answers. The service writes it.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "objection-resolution",
        DataLevel.Public,
        "The committee's answer to an objection: upheld (a correction follows) or dismissed, and why.")
    {
        Grants = CommunityStaff.ServiceWritten,
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityObjectionResolution), "objection-resolution.v1.schema.json"))],
    };
}
