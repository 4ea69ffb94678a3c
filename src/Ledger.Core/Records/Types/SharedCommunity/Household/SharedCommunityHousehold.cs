using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.Decisions;

namespace Ledger.Core.Records.Types.SharedCommunity.Household;

/// <summary>shared-community/household: a household the committee registers, which may then vote once per proposal.</summary>
public static class SharedCommunityHousehold
{
    /// <summary>The record type; L2 because the register (and which key votes for whom) is the committee's, not the public's.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "household",
        DataLevel.Internal,
        "A household registered by the committee, which may vote on the community's proposals.")
    {
        SubjectField = "householdRef",
        SubmittedBy = ["community-worker"],
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityHousehold), "household.v1.schema.json"))],
        Projections = [ResidentDecisions.Households],
    };
}
